// Validates rendered Kubernetes objects offline, with unknown fields refused (deploy/check.sh runs it
// from a folder where kubernetes-models, typescript and ajv are installed):
//   node validate.mjs CNPG_SCHEMA.json NAME=OBJECTS.json...
// - Kubernetes' own kinds against the schemas that kubernetes-models carries: its JSON Schema validator
//   at run time (types, enums, formats, required fields), and its TypeScript types through the
//   compiler, whose excess-property check refuses any field the API does not have, at any depth (the
//   JSON schemas allow unknown fields, as the API server does unless asked to be strict).
// - CloudNativePG's kinds against deploy/kubernetes/cloudnative-pg.schema.json (refuses unknown fields).
// Objects that must be refused are checked too, so that a checker that lets everything through fails.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const [schemaFile, ...inputs] = process.argv.slice(2);
const cnpgSchema = JSON.parse(readFileSync(schemaFile, "utf8"));
const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
ajv.addSchema(cnpgSchema, "cnpg");
const CNPG_GROUPS = ["postgresql.cnpg.io/", "barmancloud.cnpg.io/"];

const objects = [];
for (const input of inputs) {
    const [name, file] = input.split("=");
    for (const object of JSON.parse(readFileSync(file, "utf8"))) {
        objects.push({ where: `${name}: ${object.kind} ${object.metadata?.name}`, object, mustFail: false });
    }
}
// Each must be refused: an unknown field deep inside a Deployment, a wrongly typed one, and an unknown
// field in a CloudNativePG Cluster.
const sample = (kind) => structuredClone(objects.find((o) => o.object.kind === kind).object);
const unknownDeep = sample("Deployment");
unknownDeep.spec.template.spec.containers[0].readinessProbe.httpGet.pathh = "/q/health/ready";
const wrongType = sample("Deployment");
wrongType.spec.replicas = "2";
const unknownCnpg = sample("Cluster");
unknownCnpg.spec.backupp = {};
for (const [what, object] of [["unknown field", unknownDeep], ["string replicas", wrongType], ["unknown Cluster field", unknownCnpg]]) {
    objects.push({ where: `self-test (${what})`, object, mustFail: true });
}

const problems = new Map(objects.map((o) => [o, []]));
const imports = new Set();
const typed = [];
for (const [i, o] of objects.entries()) {
    const { apiVersion, kind } = o.object;
    if (CNPG_GROUPS.some((g) => apiVersion?.startsWith(g))) {
        const validate = ajv.getSchema(`cnpg#/$defs/${kind}`);
        if (!validate) {
            problems.get(o).push(`no CloudNativePG schema for ${apiVersion} ${kind}`);
        } else if (!validate(o.object)) {
            problems.get(o).push(...validate.errors.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`));
        }
        continue;
    }
    const module = `kubernetes-models/${apiVersion}/${kind}`;
    let Model;
    try {
        Model = (await import(module))[kind];
    } catch {
        problems.get(o).push(`Kubernetes has no ${apiVersion} ${kind} (kubernetes-models)`);
        continue;
    }
    try {
        new Model(o.object).validate();
    } catch (e) {
        problems.get(o).push(String(e.message ?? e).split("\n").join("; "));
    }
    imports.add(`import type { I${kind} } from "${module}";`);
    typed.push({ o, text: `export const object${i}: I${kind} = ${JSON.stringify(o.object, null, 2)};` });
}

// One compiler run for all objects; each error line is traced back to its object.
const lineOwner = [...imports].map(() => null);
for (const { o, text } of typed) {
    lineOwner.push(...text.split("\n").map(() => o));
}
writeFileSync("objects.ts", [...imports, ...typed.map((t) => t.text)].join("\n") + "\n");
let compiler = "";
try {
    execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "--strict", "--target", "es2022",
        "--module", "nodenext", "--moduleResolution", "nodenext", "--skipLibCheck", "objects.ts"], { encoding: "utf8" });
} catch (e) {
    compiler = e.stdout || String(e);
}
const unexplained = [];
for (const line of compiler.split("\n")) {
    const match = /^objects\.ts\((\d+),\d+\): error (TS\d+: .*)$/.exec(line);
    const owner = match && lineOwner[Number(match[1]) - 1];
    if (owner) {
        problems.get(owner).push(match[2]);
    } else if (line.trim() && !line.startsWith(" ")) {
        unexplained.push(line);
    }
}

let failed = unexplained.length;
unexplained.forEach((line) => console.error(`tsc: ${line}`));
for (const o of objects) {
    const found = problems.get(o);
    if (o.mustFail ? found.length === 0 : found.length > 0) {
        failed++;
        console.error(o.mustFail ? `${o.where}: was not refused` : `${o.where}:\n  - ${found.join("\n  - ")}`);
    } else if (o.mustFail) {
        console.log(`${o.where}: refused (${found[0]})`);
    }
}
const checked = objects.filter((o) => !o.mustFail).length;
if (failed) {
    console.error(`validate.mjs: ${failed} problem(s) in ${objects.length} objects`);
    process.exit(1);
}
console.log(`validate.mjs: ${checked} objects valid against Kubernetes' and CloudNativePG's schemas, unknown fields refused`);
