-- The database of Shukei at commit 852c99f (Flyway V1 to V8), filled through that version's API by
-- src/test/migration/fill-previous-version.sh and dumped as plain SQL by pg_dump (PostgreSQL) 17.12 (Debian 17.12-0+deb13u1)
-- (--no-owner --no-privileges) from its embedded PostgreSQL; responses/ holds what that version served.
--
-- PostgreSQL database dump
--

\restrict M47Kf9zXa0Yk5Qz5hCSIl6qgc0cYQKVR5SxASKvkgbOWS73kT4vDhkmJNIyJiST

-- Dumped from database version 17.6
-- Dumped by pg_dump version 17.12 (Debian 17.12-0+deb13u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: audit_event_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_event_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: action_commitment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.action_commitment (
    id bigint NOT NULL,
    organisation_id bigint NOT NULL,
    committed_by character varying(200) NOT NULL,
    committed_at timestamp with time zone NOT NULL
);


--
-- Name: action_commitment_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.action_commitment_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: api_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_key (
    id bigint NOT NULL,
    name character varying(200) NOT NULL,
    role character varying(20) NOT NULL,
    unit_id bigint,
    prefix character varying(32) NOT NULL,
    secret_hash bytea NOT NULL,
    created_by character varying(300) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone,
    revoked_at timestamp with time zone
);


--
-- Name: api_key_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.api_key_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_event (
    id bigint NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    actor_type character varying(20) NOT NULL,
    actor_id character varying(300) NOT NULL,
    actor_name character varying(300),
    remote_address character varying(100),
    action character varying(60) NOT NULL,
    resource_type character varying(40) NOT NULL,
    resource_id character varying(100) NOT NULL,
    unit_id bigint,
    unit_path character varying(1000),
    revision_before integer,
    revision_after integer
);


--
-- Name: audit_event_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.audit_event_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_event_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.audit_event_id_seq OWNED BY public.audit_event.id;


--
-- Name: basic_policy; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.basic_policy (
    id bigint NOT NULL,
    organisation_id bigint NOT NULL,
    version integer NOT NULL,
    company_name character varying(200) NOT NULL,
    representative_title character varying(100) NOT NULL,
    representative_name character varying(100) NOT NULL,
    enacted_on date NOT NULL,
    preamble character varying(4000) NOT NULL,
    sections jsonb NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT basic_policy_version_check CHECK ((version > 0))
);


--
-- Name: basic_policy_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.basic_policy_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: idempotency_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency_key (
    scope character varying(300) NOT NULL,
    idem_key character varying(200) NOT NULL,
    request_hash character varying(64) NOT NULL,
    status integer,
    content_type character varying(200),
    location character varying(1000),
    etag character varying(100),
    body bytea,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: policy_publication; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.policy_publication (
    id bigint NOT NULL,
    organisation_id bigint NOT NULL,
    url character varying(2000) NOT NULL,
    published_on date NOT NULL,
    policy_version integer NOT NULL,
    recorded_at timestamp with time zone NOT NULL
);


--
-- Name: policy_publication_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.policy_publication_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: round; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.round (
    id bigint NOT NULL,
    title character varying(200) NOT NULL,
    scope_unit_id bigint NOT NULL,
    policy character varying(20) NOT NULL,
    status character varying(10) NOT NULL,
    due_date date,
    catalog_id character varying(64) NOT NULL,
    catalog_version character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone,
    revision integer NOT NULL
);


--
-- Name: round_participant; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.round_participant (
    round_id bigint NOT NULL,
    unit_id bigint NOT NULL
);


--
-- Name: round_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.round_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: submission; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.submission (
    id bigint NOT NULL,
    round_id bigint NOT NULL,
    unit_id bigint NOT NULL,
    revision integer NOT NULL,
    answers character varying(25) NOT NULL,
    score integer NOT NULL,
    respondent character varying(200),
    catalog_version character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT submission_answers_check CHECK (((answers)::text ~ '^[IPNU]{25}$'::text))
);


--
-- Name: submission_revision; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.submission_revision (
    id bigint NOT NULL,
    submission_id bigint NOT NULL,
    revision integer NOT NULL,
    answers character varying(25) NOT NULL,
    comments jsonb NOT NULL,
    score integer NOT NULL,
    respondent character varying(200),
    catalog_version character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT submission_revision_answers_check CHECK (((answers)::text ~ '^[IPNU]{25}$'::text))
);


--
-- Name: submission_revision_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.submission_revision_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: submission_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.submission_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: unit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.unit (
    id bigint NOT NULL,
    parent_id bigint,
    path character varying(1000) NOT NULL,
    code character varying(64) NOT NULL,
    name character varying(200) NOT NULL,
    headcount integer,
    archived_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    revision integer NOT NULL,
    tree_order bigint[] GENERATED ALWAYS AS ((string_to_array(btrim((path)::text, '/'::text), '/'::text))::bigint[]) STORED,
    CONSTRAINT unit_headcount_check CHECK ((headcount > 0))
);


--
-- Name: unit_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.unit_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: webhook_delivery; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_delivery (
    id bigint NOT NULL,
    subscription_id bigint NOT NULL,
    event_id character varying(40) NOT NULL,
    status character varying(16) NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone,
    last_attempt_at timestamp with time zone,
    last_status_code integer,
    last_error character varying(500),
    response_excerpt character varying(500),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT webhook_delivery_status_check CHECK (((status)::text = ANY ((ARRAY['PENDING'::character varying, 'DELIVERED'::character varying, 'FAILED'::character varying])::text[])))
);


--
-- Name: webhook_delivery_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.webhook_delivery ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.webhook_delivery_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: webhook_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_event (
    id character varying(40) NOT NULL,
    type character varying(40) NOT NULL,
    payload text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: webhook_subscription; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_subscription (
    id bigint NOT NULL,
    unit_id bigint NOT NULL,
    url character varying(2000) NOT NULL,
    events character varying(40)[] NOT NULL,
    description character varying(500),
    secret character varying(100) NOT NULL,
    paused boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    revision integer NOT NULL
);


--
-- Name: webhook_subscription_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.webhook_subscription_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_event id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_event ALTER COLUMN id SET DEFAULT nextval('public.audit_event_id_seq'::regclass);


--
-- Data for Name: action_commitment; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.action_commitment (id, organisation_id, committed_by, committed_at) FROM stdin;
1	1	代表取締役社長 山田太郎	2026-12-07 15:57:50.992945+00
\.


--
-- Data for Name: api_key; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.api_key (id, name, role, unit_id, prefix, secret_hash, created_by, created_at, expires_at, revoked_at) FROM stdin;
1	東京本社 管理者	ADMIN	2	d5dde31850bf	\\xe6278fafe8da1ec02d4d25a8e74b3fd705e9c011d87d3c847dffd6d306afd3c2	BOOTSTRAP:bootstrap	2026-12-07 15:57:51.130245+00	\N	\N
2	営業部長	RESPONDENT	4	26bc372683af	\\xb5e8aeb83ff699cfe296558bcd4dcaaf05751973e3f3663cdfe3cb21088e7967	BOOTSTRAP:bootstrap	2026-12-07 15:57:51.152534+00	\N	\N
\.


--
-- Data for Name: audit_event; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_event (id, occurred_at, actor_type, actor_id, actor_name, remote_address, action, resource_type, resource_id, unit_id, unit_path, revision_before, revision_after) FROM stdin;
1	2026-12-07 15:57:48.831021+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	1	1	/1/	\N	1
2	2026-12-07 15:57:48.932091+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	2	2	/1/2/	\N	1
3	2026-12-07 15:57:48.976591+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	3	3	/1/3/	\N	1
4	2026-12-07 15:57:49.023289+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	4	4	/1/2/4/	\N	1
5	2026-12-07 15:57:49.080806+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	5	5	/1/2/5/	\N	1
6	2026-12-07 15:57:49.121453+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	6	6	/1/2/6/	\N	1
7	2026-12-07 15:57:49.167817+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	7	7	/1/2/7/	\N	1
8	2026-12-07 15:57:49.216746+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	8	8	/1/3/8/	\N	1
9	2026-12-07 15:57:49.266618+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	9	9	/1/9/	\N	1
10	2026-12-07 15:57:49.308127+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.updated	unit	7	7	/1/2/7/	1	2
11	2026-12-07 15:57:49.349327+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	10	10	/10/	\N	1
12	2026-12-07 15:57:49.412337+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	11	11	/10/11/	\N	1
13	2026-12-07 15:57:49.461897+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	12	12	/10/11/12/	\N	1
14	2026-12-07 15:57:49.503239+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	13	13	/10/11/13/	\N	1
15	2026-12-07 15:57:49.549604+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	14	14	/10/14/	\N	1
16	2026-12-07 15:57:49.591071+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	15	15	/10/14/15/	\N	1
17	2026-12-07 15:57:49.628061+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	unit.created	unit	16	16	/10/16/	\N	1
18	2026-12-07 15:57:49.841476+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	round.created	round	1	1	/1/	\N	1
19	2026-12-07 15:57:49.947476+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	1/4	4	/1/2/4/	\N	1
20	2026-12-07 15:57:50.014806+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.updated	submission	1/4	4	/1/2/4/	1	2
21	2026-12-07 15:57:50.051197+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.updated	submission	1/4	4	/1/2/4/	2	3
22	2026-12-07 15:57:50.088323+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	1/5	5	/1/2/5/	\N	1
23	2026-12-07 15:57:50.127257+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	1/6	6	/1/2/6/	\N	1
24	2026-12-07 15:57:50.167853+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	1/8	8	/1/3/8/	\N	1
25	2026-12-07 15:57:50.207924+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	1/9	9	/1/9/	\N	1
26	2026-12-07 15:57:50.230017+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	round.closed	round	1	1	/1/	1	2
27	2026-12-07 15:57:50.273729+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	round.created	round	2	1	/1/	\N	1
28	2026-12-07 15:57:50.310969+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	2/4	4	/1/2/4/	\N	1
29	2026-12-07 15:57:50.350211+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	2/5	5	/1/2/5/	\N	1
30	2026-12-07 15:57:50.387482+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.updated	submission	2/5	5	/1/2/5/	1	2
31	2026-12-07 15:57:50.428074+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	2/8	8	/1/3/8/	\N	1
32	2026-12-07 15:57:50.468485+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.updated	submission	2/8	8	/1/3/8/	1	2
33	2026-12-07 15:57:50.502741+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.updated	submission	2/8	8	/1/3/8/	2	3
34	2026-12-07 15:57:50.527164+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	round.created	round	3	2	/1/2/	\N	1
35	2026-12-07 15:57:50.564932+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	3/6	6	/1/2/6/	\N	1
36	2026-12-07 15:57:50.58575+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	round.created	round	4	3	/1/3/	\N	1
37	2026-12-07 15:57:50.621262+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	4/8	8	/1/3/8/	\N	1
38	2026-12-07 15:57:50.642183+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	round.closed	round	4	3	/1/3/	1	2
39	2026-12-07 15:57:50.661116+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	round.created	round	5	10	/10/	\N	1
40	2026-12-07 15:57:50.70573+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	5/12	12	/10/11/12/	\N	1
41	2026-12-07 15:57:50.746422+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	5/13	13	/10/11/13/	\N	1
42	2026-12-07 15:57:50.779003+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	5/15	15	/10/14/15/	\N	1
43	2026-12-07 15:57:50.796171+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	round.closed	round	5	10	/10/	1	2
44	2026-12-07 15:57:50.824098+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	round.created	round	6	10	/10/	\N	1
45	2026-12-07 15:57:50.860289+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	6/12	12	/10/11/12/	\N	1
46	2026-12-07 15:57:50.893903+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	6/13	13	/10/11/13/	\N	1
47	2026-12-07 15:57:50.930084+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.created	submission	6/16	16	/10/16/	\N	1
48	2026-12-07 15:57:50.968019+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	submission.updated	submission	6/16	16	/10/16/	1	2
49	2026-12-07 15:57:50.993735+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	security-action.committed	commitment	1	1	/1/	\N	\N
50	2026-12-07 15:57:51.040573+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	basic-policy.versioned	basic-policy	1	1	/1/	\N	1
51	2026-12-07 15:57:51.074229+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	basic-policy.published	publication	1	1	/1/	\N	1
52	2026-12-07 15:57:51.103388+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	basic-policy.versioned	basic-policy	1	1	/1/	1	2
53	2026-12-07 15:57:51.131912+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	api-key.created	api-key	1	2	/1/2/	\N	\N
54	2026-12-07 15:57:51.152758+00	BOOTSTRAP	bootstrap	bootstrap admin key	127.0.0.1	api-key.created	api-key	2	4	/1/2/4/	\N	\N
\.


--
-- Data for Name: basic_policy; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.basic_policy (id, organisation_id, version, company_name, representative_title, representative_name, enacted_on, preamble, sections, created_at) FROM stdin;
1	1	1	株式会社アクメ	代表取締役社長	山田太郎	2025-04-01	株式会社アクメ(以下、当社)は、お客様からお預かりした情報資産を事故・災害・犯罪等の脅威から守り、お客様ならびに社会の信頼に応えるべく、以下の方針に基づき全社で情報セキュリティに取組みます。	[{"text": "当社は、経営者主導で組織的かつ継続的に情報セキュリティの改善・向上に努めます。", "heading": "経営者の責任"}, {"text": "当社は、情報セキュリティの維持および改善のために組織を設置し、情報セキュリティ対策を社内の正式な規則として定めます。", "heading": "社内体制の整備"}, {"text": "当社の従業員は、情報セキュリティのために必要とされる知識、技術を習得し、情報セキュリティへの取組みを確かなものにします。", "heading": "従業員の取組み"}, {"text": "当社は、情報セキュリティに関わる法令、規制、規範、契約上の義務を遵守するとともに、お客様の期待に応えます。", "heading": "法令および契約上の要求事項の遵守"}, {"text": "当社は、情報セキュリティに関わる法令違反、契約違反および事故が発生した場合には適切に対処し、再発防止に努めます。", "heading": "違反および事故への対応"}]	2026-12-07 15:57:51.033777+00
2	1	2	株式会社アクメ	代表取締役社長	山田太郎	2026-04-01	株式会社アクメ(以下、当社)は、お客様からお預かりした情報資産を事故・災害・犯罪等の脅威から守り、お客様ならびに社会の信頼に応えるべく、以下の方針に基づき全社で情報セキュリティに取組みます。	[{"text": "当社は、経営者主導で組織的かつ継続的に情報セキュリティの改善・向上に努めます。", "heading": "経営者の責任"}, {"text": "当社は、情報セキュリティの維持および改善のために組織を設置し、情報セキュリティ対策を社内の正式な規則として定めます。", "heading": "社内体制の整備"}, {"text": "当社の従業員は、情報セキュリティのために必要とされる知識、技術を習得し、情報セキュリティへの取組みを確かなものにします。", "heading": "従業員の取組み"}, {"text": "当社は、情報セキュリティに関わる法令、規制、規範、契約上の義務を遵守するとともに、お客様の期待に応えます。", "heading": "法令および契約上の要求事項の遵守"}, {"text": "当社は、情報セキュリティに関わる法令違反、契約違反および事故が発生した場合には適切に対処し、再発防止に努めます。", "heading": "違反および事故への対応"}]	2026-12-07 15:57:51.103012+00
\.


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) FROM stdin;
1	1	core schema	SQL	db/migration/V1__core_schema.sql	-1252660225	postgres	2026-12-07 15:57:46.519186	23	t
2	2	security action	SQL	db/migration/V2__security_action.sql	1968889956	postgres	2026-12-07 15:57:46.588809	10	t
3	3	webhooks	SQL	db/migration/V3__webhooks.sql	1909607103	postgres	2026-12-07 15:57:46.613335	14	t
4	5	idempotency keys	SQL	db/migration/V5__idempotency_keys.sql	64446276	postgres	2026-12-07 15:57:46.639192	4	t
5	6	api keys and audit	SQL	db/migration/V6__api_keys_and_audit.sql	38779610	postgres	2026-12-07 15:57:46.654348	12	t
6	7	sheet ids one by one	SQL	db/migration/V7__sheet_ids_one_by_one.sql	-747890698	postgres	2026-12-07 15:57:46.674126	7	t
7	8	unit tree order	SQL	db/migration/V8__unit_tree_order.sql	-980099810	postgres	2026-12-07 15:57:46.687862	4	t
\.


--
-- Data for Name: idempotency_key; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.idempotency_key (scope, idem_key, request_hash, status, content_type, location, etag, body, created_at) FROM stdin;
\.


--
-- Data for Name: policy_publication; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.policy_publication (id, organisation_id, url, published_on, policy_version, recorded_at) FROM stdin;
1	1	https://www.example.co.jp/security-policy	2025-04-02	1	2026-12-07 15:57:51.073304+00
\.


--
-- Data for Name: round; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.round (id, title, scope_unit_id, policy, status, due_date, catalog_id, catalog_version, created_at, updated_at, closed_at, revision) FROM stdin;
1	2025年度 情報セキュリティ自社診断	1	CONSOLIDATED	CLOSED	2025-06-30	ipa-5min-self-diagnosis	tmg-handbook-2024	2026-12-07 15:57:49.805968+00	2026-12-07 15:57:50.2299+00	2026-12-07 15:57:50.229869+00	2
2	2026年度 情報セキュリティ自社診断	1	MEAN	OPEN	\N	ipa-5min-self-diagnosis	tmg-handbook-2024	2026-12-07 15:57:50.271261+00	2026-12-07 15:57:50.271261+00	\N	1
3	東京本社 追加診断	2	WEAKEST	OPEN	\N	ipa-5min-self-diagnosis	tmg-handbook-2024	2026-12-07 15:57:50.524942+00	2026-12-07 15:57:50.524942+00	\N	1
4	大阪支店 2025年度	3	HEADCOUNT_MEAN	CLOSED	\N	ipa-5min-self-diagnosis	tmg-handbook-2024	2026-12-07 15:57:50.583633+00	2026-12-07 15:57:50.642087+00	2026-12-07 15:57:50.642077+00	2
5	2025年度 会員診断	10	CONSOLIDATED	CLOSED	\N	ipa-5min-self-diagnosis	tmg-handbook-2024	2026-12-07 15:57:50.658927+00	2026-12-07 15:57:50.796037+00	2026-12-07 15:57:50.79601+00	2
6	2026年度 会員診断	10	HEADCOUNT_MEAN	OPEN	\N	ipa-5min-self-diagnosis	tmg-handbook-2024	2026-12-07 15:57:50.821103+00	2026-12-07 15:57:50.821103+00	\N	1
\.


--
-- Data for Name: round_participant; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.round_participant (round_id, unit_id) FROM stdin;
1	4
1	5
1	6
1	8
1	9
2	4
2	5
2	6
2	8
2	9
3	4
3	6
4	8
5	12
5	13
5	15
5	16
6	12
6	13
6	15
6	16
\.


--
-- Data for Name: submission; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.submission (id, round_id, unit_id, revision, answers, score, respondent, catalog_version, created_at, updated_at) FROM stdin;
52	1	4	3	IIPPPPPPPPPPPPPPPPPPPPPPP	54	営業部長	tmg-handbook-2024	2026-12-07 15:57:49.942362+00	2026-12-07 15:57:50.050273+00
53	1	5	1	IIIIIIIIIIIIIIIIIIIIIIIII	100	総務部長	tmg-handbook-2024	2026-12-07 15:57:50.086533+00	2026-12-07 15:57:50.086533+00
54	1	6	1	IIIIIPPPPPPPPPPPNNNNIIIII	62	開発部長	tmg-handbook-2024	2026-12-07 15:57:50.126225+00	2026-12-07 15:57:50.126225+00
55	1	8	1	PPPPPPPPPPPPPPPPPPPPPPPPP	50	業務部長	tmg-handbook-2024	2026-12-07 15:57:50.166498+00	2026-12-07 15:57:50.166498+00
56	1	9	1	NNNNNPPPPPIIIIIUUUUUIIIII	45	所長	tmg-handbook-2024	2026-12-07 15:57:50.206364+00	2026-12-07 15:57:50.206364+00
57	2	4	1	IIIIIIIIIIIIIIIIIIIIIIIIU	95	営業部長	tmg-handbook-2024	2026-12-07 15:57:50.310191+00	2026-12-07 15:57:50.310191+00
58	2	5	2	IIIIIIIIIIIIIIIIIIIIIIIIP	98	総務部長	tmg-handbook-2024	2026-12-07 15:57:50.349522+00	2026-12-07 15:57:50.386688+00
59	2	8	3	IIPPPPPPPPPPPPPPPPPPPPPPP	54	業務部長	tmg-handbook-2024	2026-12-07 15:57:50.427178+00	2026-12-07 15:57:50.502047+00
60	3	6	1	IIIIIIIIIIIIIIIIIIIINNNNN	80	開発部長	tmg-handbook-2024	2026-12-07 15:57:50.563475+00	2026-12-07 15:57:50.563475+00
61	4	8	1	IIIIIIIIIIPPPPPPPPPPNNNNN	60	業務部長	tmg-handbook-2024	2026-12-07 15:57:50.620471+00	2026-12-07 15:57:50.620471+00
62	5	12	1	PPPPPPPPPPPPPPPPPPPPPPPPP	50	製造部長	tmg-handbook-2024	2026-12-07 15:57:50.704956+00	2026-12-07 15:57:50.704956+00
63	5	13	1	IIIIIIIIIIIIIIIIIIIIIIIII	100	品質保証部長	tmg-handbook-2024	2026-12-07 15:57:50.745237+00	2026-12-07 15:57:50.745237+00
64	5	15	1	NNNNNNNNNNNNNNNNNNNNNNNNN	0	社長	tmg-handbook-2024	2026-12-07 15:57:50.778424+00	2026-12-07 15:57:50.778424+00
65	6	12	1	IIIIIIIIIIIIIIIIIIIIPPPPP	90	製造部長	tmg-handbook-2024	2026-12-07 15:57:50.859652+00	2026-12-07 15:57:50.859652+00
66	6	13	1	IIIIIIIIIIIIIIIIIIIIIIIII	100	品質保証部長	tmg-handbook-2024	2026-12-07 15:57:50.893216+00	2026-12-07 15:57:50.893216+00
67	6	16	2	IPNIIPNIIPNIIPNIIPNIIPNII	64	代表社員	tmg-handbook-2024	2026-12-07 15:57:50.929533+00	2026-12-07 15:57:50.967078+00
\.


--
-- Data for Name: submission_revision; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.submission_revision (id, submission_id, revision, answers, comments, score, respondent, catalog_version, created_at) FROM stdin;
52	52	1	PPPPPPPPPPPPPPPPPPPPPPPPU	{"25": "規程の有無を総務に確認中"}	47	営業部長	tmg-handbook-2024	2026-12-07 15:57:49.942362+00
53	52	2	IPPPPPPPPPPPPPPPPPPPPPPPU	{"25": "規程の有無を総務に確認中"}	49	営業部長	tmg-handbook-2024	2026-12-07 15:57:50.013681+00
54	52	3	IIPPPPPPPPPPPPPPPPPPPPPPP	{"25": "規程あり(総務確認済み)"}	54	営業部長	tmg-handbook-2024	2026-12-07 15:57:50.050273+00
55	53	1	IIIIIIIIIIIIIIIIIIIIIIIII	{}	100	総務部長	tmg-handbook-2024	2026-12-07 15:57:50.086533+00
56	54	1	IIIIIPPPPPPPPPPPNNNNIIIII	{"7": "パスワードの使い回しを調査中"}	62	開発部長	tmg-handbook-2024	2026-12-07 15:57:50.126225+00
57	55	1	PPPPPPPPPPPPPPPPPPPPPPPPP	{}	50	業務部長	tmg-handbook-2024	2026-12-07 15:57:50.166498+00
58	56	1	NNNNNPPPPPIIIIIUUUUUIIIII	{}	45	所長	tmg-handbook-2024	2026-12-07 15:57:50.206364+00
59	57	1	IIIIIIIIIIIIIIIIIIIIIIIIU	{"25": "まだ確認中"}	95	営業部長	tmg-handbook-2024	2026-12-07 15:57:50.310191+00
60	58	1	IIIIIIIIIIIIIIIIIIIIIIIII	{}	100	総務部長	tmg-handbook-2024	2026-12-07 15:57:50.349522+00
61	58	2	IIIIIIIIIIIIIIIIIIIIIIIIP	{"25": "ルールは一部のみ明文化"}	98	総務部長	tmg-handbook-2024	2026-12-07 15:57:50.386688+00
62	59	1	PPPPPPPPPPPPPPPPPPPPPPPPP	{}	50	業務部長	tmg-handbook-2024	2026-12-07 15:57:50.427178+00
63	59	2	IPPPPPPPPPPPPPPPPPPPPPPPP	{}	52	業務部長	tmg-handbook-2024	2026-12-07 15:57:50.467851+00
64	59	3	IIPPPPPPPPPPPPPPPPPPPPPPP	{}	54	業務部長	tmg-handbook-2024	2026-12-07 15:57:50.502047+00
65	60	1	IIIIIIIIIIIIIIIIIIIINNNNN	{}	80	開発部長	tmg-handbook-2024	2026-12-07 15:57:50.563475+00
66	61	1	IIIIIIIIIIPPPPPPPPPPNNNNN	{}	60	業務部長	tmg-handbook-2024	2026-12-07 15:57:50.620471+00
67	62	1	PPPPPPPPPPPPPPPPPPPPPPPPP	{}	50	製造部長	tmg-handbook-2024	2026-12-07 15:57:50.704956+00
68	63	1	IIIIIIIIIIIIIIIIIIIIIIIII	{}	100	品質保証部長	tmg-handbook-2024	2026-12-07 15:57:50.745237+00
69	64	1	NNNNNNNNNNNNNNNNNNNNNNNNN	{}	0	社長	tmg-handbook-2024	2026-12-07 15:57:50.778424+00
70	65	1	IIIIIIIIIIIIIIIIIIIIPPPPP	{}	90	製造部長	tmg-handbook-2024	2026-12-07 15:57:50.859652+00
71	66	1	IIIIIIIIIIIIIIIIIIIIIIIII	{}	100	品質保証部長	tmg-handbook-2024	2026-12-07 15:57:50.893216+00
72	67	1	IPNUIPNUIPNUIPNUIPNUIPNUI	{}	34	代表社員	tmg-handbook-2024	2026-12-07 15:57:50.929533+00
73	67	2	IPNIIPNIIPNIIPNIIPNIIPNII	{}	64	代表社員	tmg-handbook-2024	2026-12-07 15:57:50.967078+00
\.


--
-- Data for Name: unit; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.unit (id, parent_id, path, code, name, headcount, archived_at, created_at, updated_at, revision) FROM stdin;
1	\N	/1/	acme	株式会社アクメ	\N	\N	2026-12-07 15:57:48.817372+00	2026-12-07 15:57:48.817372+00	1
2	1	/1/2/	tokyo	東京本社	\N	\N	2026-12-07 15:57:48.931644+00	2026-12-07 15:57:48.931644+00	1
3	1	/1/3/	osaka	大阪支店	\N	\N	2026-12-07 15:57:48.97622+00	2026-12-07 15:57:48.97622+00	1
4	2	/1/2/4/	sales	営業部	10	\N	2026-12-07 15:57:49.022966+00	2026-12-07 15:57:49.022966+00	1
5	2	/1/2/5/	admin	総務部	10	\N	2026-12-07 15:57:49.080284+00	2026-12-07 15:57:49.080284+00	1
6	2	/1/2/6/	dev	開発部	25	\N	2026-12-07 15:57:49.121138+00	2026-12-07 15:57:49.121138+00	1
8	3	/1/3/8/	ops	業務部	80	\N	2026-12-07 15:57:49.216324+00	2026-12-07 15:57:49.216324+00	1
9	1	/1/9/	nagoya	名古屋営業所	5	\N	2026-12-07 15:57:49.266132+00	2026-12-07 15:57:49.266132+00	1
7	2	/1/2/7/	old-accounting	旧経理部	4	2026-12-07 15:57:49.307993+00	2026-12-07 15:57:49.167353+00	2026-12-07 15:57:49.308035+00	2
10	\N	/10/	tokai-isa	東海情報セキュリティ協会	\N	\N	2026-12-07 15:57:49.348789+00	2026-12-07 15:57:49.348789+00	1
11	10	/10/11/	beta	株式会社ベータ	\N	\N	2026-12-07 15:57:49.411921+00	2026-12-07 15:57:49.411921+00	1
12	11	/10/11/12/	mfg	製造部	40	\N	2026-12-07 15:57:49.461495+00	2026-12-07 15:57:49.461495+00	1
13	11	/10/11/13/	qa	品質保証部	12	\N	2026-12-07 15:57:49.502824+00	2026-12-07 15:57:49.502824+00	1
14	10	/10/14/	gamma	有限会社ガンマ	\N	\N	2026-12-07 15:57:49.549241+00	2026-12-07 15:57:49.549241+00	1
15	14	/10/14/15/	hq	本社	8	\N	2026-12-07 15:57:49.590793+00	2026-12-07 15:57:49.590793+00	1
16	10	/10/16/	delta	合同会社デルタ	\N	\N	2026-12-07 15:57:49.627752+00	2026-12-07 15:57:49.627752+00	1
\.


--
-- Data for Name: webhook_delivery; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.webhook_delivery (id, subscription_id, event_id, status, attempts, next_attempt_at, last_attempt_at, last_status_code, last_error, response_excerpt, created_at) FROM stdin;
\.


--
-- Data for Name: webhook_event; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.webhook_event (id, type, payload, created_at) FROM stdin;
\.


--
-- Data for Name: webhook_subscription; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.webhook_subscription (id, unit_id, url, events, description, secret, paused, created_at, updated_at, revision) FROM stdin;
\.


--
-- Name: action_commitment_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.action_commitment_seq', 1, true);


--
-- Name: api_key_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.api_key_seq', 1, true);


--
-- Name: audit_event_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_event_id_seq', 54, true);


--
-- Name: basic_policy_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.basic_policy_seq', 1, true);


--
-- Name: policy_publication_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.policy_publication_seq', 1, true);


--
-- Name: round_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.round_seq', 1, true);


--
-- Name: submission_revision_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.submission_revision_seq', 73, true);


--
-- Name: submission_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.submission_seq', 67, true);


--
-- Name: unit_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.unit_seq', 1, true);


--
-- Name: webhook_delivery_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.webhook_delivery_id_seq', 1, false);


--
-- Name: webhook_subscription_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.webhook_subscription_seq', 1, false);


--
-- Name: action_commitment action_commitment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.action_commitment
    ADD CONSTRAINT action_commitment_pkey PRIMARY KEY (id);


--
-- Name: api_key api_key_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key
    ADD CONSTRAINT api_key_pkey PRIMARY KEY (id);


--
-- Name: api_key api_key_prefix_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key
    ADD CONSTRAINT api_key_prefix_key UNIQUE (prefix);


--
-- Name: audit_event audit_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_pkey PRIMARY KEY (id);


--
-- Name: basic_policy basic_policy_organisation_version; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.basic_policy
    ADD CONSTRAINT basic_policy_organisation_version UNIQUE (organisation_id, version);


--
-- Name: basic_policy basic_policy_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.basic_policy
    ADD CONSTRAINT basic_policy_pkey PRIMARY KEY (id);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: idempotency_key idempotency_key_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_key
    ADD CONSTRAINT idempotency_key_pkey PRIMARY KEY (scope, idem_key);


--
-- Name: policy_publication policy_publication_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.policy_publication
    ADD CONSTRAINT policy_publication_pkey PRIMARY KEY (id);


--
-- Name: round_participant round_participant_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.round_participant
    ADD CONSTRAINT round_participant_pkey PRIMARY KEY (round_id, unit_id);


--
-- Name: round round_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.round
    ADD CONSTRAINT round_pkey PRIMARY KEY (id);


--
-- Name: submission submission_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submission
    ADD CONSTRAINT submission_pkey PRIMARY KEY (id);


--
-- Name: submission_revision submission_revision_number; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submission_revision
    ADD CONSTRAINT submission_revision_number UNIQUE (submission_id, revision);


--
-- Name: submission_revision submission_revision_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submission_revision
    ADD CONSTRAINT submission_revision_pkey PRIMARY KEY (id);


--
-- Name: submission submission_round_unit; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submission
    ADD CONSTRAINT submission_round_unit UNIQUE (round_id, unit_id);


--
-- Name: unit unit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit
    ADD CONSTRAINT unit_pkey PRIMARY KEY (id);


--
-- Name: webhook_delivery webhook_delivery_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_delivery
    ADD CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_id);


--
-- Name: webhook_delivery webhook_delivery_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_delivery
    ADD CONSTRAINT webhook_delivery_pkey PRIMARY KEY (id);


--
-- Name: webhook_event webhook_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_event
    ADD CONSTRAINT webhook_event_pkey PRIMARY KEY (id);


--
-- Name: webhook_subscription webhook_subscription_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_subscription
    ADD CONSTRAINT webhook_subscription_pkey PRIMARY KEY (id);


--
-- Name: action_commitment_organisation; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX action_commitment_organisation ON public.action_commitment USING btree (organisation_id);


--
-- Name: api_key_unit; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX api_key_unit ON public.api_key USING btree (unit_id);


--
-- Name: audit_event_unit_path; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_event_unit_path ON public.audit_event USING btree (unit_path text_pattern_ops, occurred_at);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: idempotency_key_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idempotency_key_created ON public.idempotency_key USING btree (created_at);


--
-- Name: policy_publication_organisation; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX policy_publication_organisation ON public.policy_publication USING btree (organisation_id);


--
-- Name: round_participant_unit; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX round_participant_unit ON public.round_participant USING btree (unit_id);


--
-- Name: round_scope; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX round_scope ON public.round USING btree (scope_unit_id);


--
-- Name: submission_unit; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX submission_unit ON public.submission USING btree (unit_id);


--
-- Name: unit_parent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX unit_parent ON public.unit USING btree (parent_id);


--
-- Name: unit_path; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX unit_path ON public.unit USING btree (path text_pattern_ops);


--
-- Name: unit_sibling_code; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX unit_sibling_code ON public.unit USING btree (COALESCE(parent_id, (0)::bigint), code);


--
-- Name: webhook_delivery_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_delivery_due ON public.webhook_delivery USING btree (next_attempt_at) WHERE ((status)::text = 'PENDING'::text);


--
-- Name: webhook_delivery_subscription; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_delivery_subscription ON public.webhook_delivery USING btree (subscription_id, id);


--
-- Name: webhook_subscription_unit; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_subscription_unit ON public.webhook_subscription USING btree (unit_id);


--
-- Name: audit_event audit_event_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_event_append_only BEFORE DELETE OR UPDATE ON public.audit_event FOR EACH ROW EXECUTE FUNCTION public.audit_event_append_only();


--
-- Name: action_commitment action_commitment_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.action_commitment
    ADD CONSTRAINT action_commitment_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.unit(id);


--
-- Name: api_key api_key_unit_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key
    ADD CONSTRAINT api_key_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.unit(id);


--
-- Name: basic_policy basic_policy_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.basic_policy
    ADD CONSTRAINT basic_policy_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.unit(id);


--
-- Name: policy_publication policy_publication_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.policy_publication
    ADD CONSTRAINT policy_publication_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.unit(id);


--
-- Name: round_participant round_participant_round_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.round_participant
    ADD CONSTRAINT round_participant_round_id_fkey FOREIGN KEY (round_id) REFERENCES public.round(id);


--
-- Name: round_participant round_participant_unit_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.round_participant
    ADD CONSTRAINT round_participant_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.unit(id);


--
-- Name: round round_scope_unit_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.round
    ADD CONSTRAINT round_scope_unit_id_fkey FOREIGN KEY (scope_unit_id) REFERENCES public.unit(id);


--
-- Name: submission_revision submission_revision_submission_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submission_revision
    ADD CONSTRAINT submission_revision_submission_id_fkey FOREIGN KEY (submission_id) REFERENCES public.submission(id);


--
-- Name: submission submission_round_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submission
    ADD CONSTRAINT submission_round_id_fkey FOREIGN KEY (round_id) REFERENCES public.round(id);


--
-- Name: submission submission_unit_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submission
    ADD CONSTRAINT submission_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.unit(id);


--
-- Name: unit unit_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit
    ADD CONSTRAINT unit_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.unit(id);


--
-- Name: webhook_delivery webhook_delivery_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_delivery
    ADD CONSTRAINT webhook_delivery_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.webhook_event(id);


--
-- Name: webhook_delivery webhook_delivery_subscription_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_delivery
    ADD CONSTRAINT webhook_delivery_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES public.webhook_subscription(id) ON DELETE CASCADE;


--
-- Name: webhook_subscription webhook_subscription_unit_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_subscription
    ADD CONSTRAINT webhook_subscription_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.unit(id);


--
-- PostgreSQL database dump complete
--

\unrestrict M47Kf9zXa0Yk5Qz5hCSIl6qgc0cYQKVR5SxASKvkgbOWS73kT4vDhkmJNIyJiST

