"""Checks openapi/openapi.yaml with a JSON Schema 2020-12 validator, independently of the service's own tests.

  contract.py examples SPEC             every example in the spec validates against the schema beside it
  contract.py record PORT UPSTREAM LOG  a loopback proxy to UPSTREAM that writes each exchange to LOG (JSON lines)
  contract.py responses SPEC LOG        every JSON body in LOG validates against its operation's response schema

Runs with Debian's python3-jsonschema and python3-yaml (/usr/bin/python3). jsonschema 4.10 checks date-time
only with a package Debian does not have, so the RFC 3339 check is registered here.
"""
import http.client
import http.server
import json
import re
import sys
from datetime import datetime

RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)\Z", re.I)


def validator(spec, schema):
    from jsonschema import Draft202012Validator, FormatChecker

    formats = FormatChecker()

    @formats.checks("date-time", raises=ValueError)
    def date_time(value):
        if isinstance(value, str):
            if not RFC3339.match(value):
                raise ValueError("not RFC 3339")
            datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
        return True

    # The schema as a document of its own with the spec's components beside it, so that its $refs resolve.
    root = {"$schema": "https://json-schema.org/draft/2020-12/schema", "components": spec["components"],
            "allOf": [schema]}
    Draft202012Validator.check_schema(root)
    return Draft202012Validator(root, format_checker=formats)


def errors(spec, schema, document):
    return [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator(spec, schema).iter_errors(document)]


def load(path):
    import yaml

    class Loader(yaml.SafeLoader):
        """Dates and date-times stay strings, as in JSON."""

    Loader.yaml_implicit_resolvers = {key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
                                      for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def media_examples(where, media):
    """(where, value) of a media type's or parameter's examples; JSON media types give parsed values."""
    found = []
    if "example" in media:
        found.append((where, media["example"]))
    for name, example in (media.get("examples") or {}).items():
        if isinstance(example, dict) and "value" in example:
            found.append((f"{where} example {name}", example["value"]))
    return found


def check_examples(spec):
    checked, problems = 0, []

    def check(where, schema, value, media=None):
        nonlocal checked
        if schema is None:
            return
        if media and media.endswith("json") and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError as e:
                problems.append(f"{where}: not JSON: {e}")
                return
        checked += 1
        problems.extend(f"{where}{p}" for p in errors(spec, schema, value))

    def contents(where, content):
        for media, body in (content or {}).items():
            for w, value in media_examples(f"{where} {media}", body):
                check(w, body.get("schema"), value, media)

    for name, schema in spec["components"].get("schemas", {}).items():
        for i, value in enumerate(schema.get("examples", [])):
            check(f"schema {name} example {i}", {"$ref": f"#/components/schemas/{name}"}, value)
    for name, response in spec["components"].get("responses", {}).items():
        contents(f"response {name}", response.get("content"))
    for name, header in spec["components"].get("headers", {}).items():
        for i, value in enumerate(header.get("schema", {}).get("examples", [])):
            check(f"header {name} example {i}", header["schema"], value)
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            where = f"{method.upper()} {path}"
            for parameter in operation.get("parameters", []):
                for w, value in media_examples(f"{where} parameter {parameter.get('name')}", parameter):
                    check(w, parameter.get("schema"), value)
            contents(f"{where} request", operation.get("requestBody", {}).get("content"))
            for status, response in operation["responses"].items():
                contents(f"{where} {status}", response.get("content"))
    return checked, problems


class Recorder(http.server.BaseHTTPRequestHandler):
    upstream = None
    log = None

    def exchange(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        connection = http.client.HTTPConnection(*self.upstream, timeout=60)
        connection.request(self.command, self.path, body=body or None, headers=headers)
        answer = connection.getresponse()
        data = answer.read()
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("connection", "transfer-encoding", "content-length"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        media = (answer.getheader("Content-Type") or "").split(";")[0].strip().lower()
        entry = {"method": self.command, "path": self.path.split("?")[0], "status": answer.status, "media": media}
        if media.endswith("json") and answer.getheader("Content-Encoding") is None:
            entry["body"] = data.decode("utf-8")
        with open(self.log, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
        connection.close()

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = exchange

    def log_message(self, *args):
        pass


def operation_of(spec, method, path):
    """The operation a concrete path belongs to; a literal segment (report.csv) wins over a parameter."""
    best = None
    for template, item in spec["paths"].items():
        pattern = "^" + re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, path) and method.lower() in item:
            literal = len(re.sub(r"\{[^}]+\}", "", template))
            if best is None or literal > best[0]:
                best = (literal, item[method.lower()])
    return best and best[1]


def check_responses(spec, log):
    checked, problems = 0, []
    with open(log, encoding="utf-8") as f:
        for line in f:
            entry = json.loads(line)
            where = f"{entry['method']} {entry['path']} {entry['status']}"
            operation = operation_of(spec, entry["method"], entry["path"])
            if operation is None:
                if entry["path"].startswith("/api/"):
                    problems.append(f"{where}: no operation in the spec")
                continue
            response = operation["responses"].get(str(entry["status"]))
            if response is None:
                problems.append(f"{where}: status not in the spec")
                continue
            if "$ref" in response:
                response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
            if "body" not in entry:
                continue
            schema = (response.get("content") or {}).get(entry["media"], {}).get("schema")
            if schema is None:
                problems.append(f"{where}: media type {entry['media']} not in the spec")
                continue
            checked += 1
            problems.extend(f"{where} {p}" for p in errors(spec, schema, json.loads(entry["body"])))
    return checked, problems


def main(args):
    if args[0] == "record":
        Recorder.upstream = ("127.0.0.1", int(args[2].rsplit(":", 1)[1]))
        Recorder.log = args[3]
        http.server.ThreadingHTTPServer(("127.0.0.1", int(args[1])), Recorder).serve_forever()
    spec = load(args[1])
    checked, problems = check_examples(spec) if args[0] == "examples" else check_responses(spec, args[2])
    print("\n".join(problems + [f"{args[0]}: {checked} checked against JSON Schema 2020-12, {len(problems)} problems"]))
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
