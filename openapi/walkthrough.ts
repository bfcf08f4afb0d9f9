// The README walkthrough with a TypeScript client generated from openapi/openapi.yaml (typescript-fetch),
// one flow per role (ADMIN, RESPONDENT, VIEWER), the downloads included. openapi/contract-check.sh
// generates the client next to this file, compiles both with tsc --strict and runs the result:
//   node walkthrough.js BASE_URL ADMIN_KEY
import {
    Answer, Configuration, Policy, ReportsApi, Role, RoundsApi, SecurityApi, SheetPut, SubmissionsApi, UnitsApi,
} from './ts-client';

// Node's own globals, declared here rather than installing its type package for two of them.
declare const process: { argv: string[]; exit(code: number): never };

const [base, adminKey] = process.argv.slice(2);
if (!base || !adminKey) {
    throw new Error('usage: node walkthrough.js BASE_URL ADMIN_KEY');
}

function as(key: string) {
    const configuration = new Configuration({ basePath: base, accessToken: key });
    return {
        units: new UnitsApi(configuration),
        rounds: new RoundsApi(configuration),
        submissions: new SubmissionsApi(configuration),
        reports: new ReportsApi(configuration),
        security: new SecurityApi(configuration),
    };
}

function expect(what: string, actual: unknown, expected: unknown): void {
    if (actual !== expected) {
        throw new Error(`${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    }
    console.log(`ok   ${what}: ${JSON.stringify(actual)}`);
}

const letters: Record<string, Answer> = {
    I: Answer.Implemented, P: Answer.Partial, N: Answer.NotImplemented, U: Answer.Unknown,
};

function sheet(answers: string, respondent: string): SheetPut {
    return { respondent, answers: [...answers].map((letter, i) => ({ question: i + 1, answer: letters[letter] })) };
}

async function main(): Promise<void> {
    const admin = as(adminKey);
    const code = `acme-ts-${Date.now()}`;
    const org = (await admin.units.createUnit({ unitCreate: { code, name: '株式会社アクメ' } })).id;
    const unit = async (code: string, name: string, parentId: number, headcount?: number) =>
        (await admin.units.createUnit({ unitCreate: { code, name, parentId, headcount } })).id;
    const tokyo = await unit('tokyo', '東京本社', org);
    const osaka = await unit('osaka', '大阪支店', org);
    const sales = await unit('sales', '営業部', tokyo, 10);
    const general = await unit('admin', '総務部', tokyo, 10);
    const ops = await unit('ops', '業務部', osaka, 80);
    const round = (await admin.rounds.createRound({
        roundCreate: { title: '2026年度 自社診断', scopeUnitId: org, dueDate: new Date('2026-06-30T00:00:00Z') },
    })).id;

    // The department head answers with a RESPONDENT key of their own unit.
    const headKey = await admin.security.createApiKey({
        apiKeyCreate: { name: '営業部長 山田', role: Role.Respondent, unitId: sales },
    });
    const head = as(headKey.secret ?? '');
    const first = await head.submissions.putSubmission({
        roundId: round, unitId: sales, sheetPut: sheet('I'.repeat(24) + 'U', '営業部長'),
    });
    expect('RESPONDENT: first revision of the sheet', first.revision, 1);
    expect('RESPONDENT: sees its own progress only', (await head.rounds.getRound({ id: round })).progress.expected, 1);

    await admin.submissions.putSubmission({ roundId: round, unitId: general, sheetPut: sheet('I'.repeat(25), '総務部長') });
    await admin.submissions.putSubmission({ roundId: round, unitId: ops, sheetPut: sheet('P'.repeat(25), '業務部長') });

    const report = await admin.reports.getReport({ roundId: round });
    expect('ADMIN: organisation score', report.score, 47);
    expect('ADMIN: band', report.band?.code, 'CRITICAL');
    expect('ADMIN: MEAN beside it', report.policies[Policy.Mean].score, 81.67);
    const tokyoMean = await admin.reports.getReport({ roundId: round, unitId: tokyo, policy: Policy.Mean });
    expect('ADMIN: drill-down under MEAN has no organisation answer', tokyoMean.questions[0].answer, null);

    // The downloads: text for CSV, a Blob for the workbook.
    const csv = await admin.reports.getReportCsv({ roundId: round, lang: 'en' });
    expect('ADMIN: report CSV names the organisation', csv.includes('株式会社アクメ'), true);
    const xlsx = new Uint8Array(await (await admin.reports.getReportXlsx({ roundId: round })).arrayBuffer());
    expect('ADMIN: report xlsx is a zip archive', String.fromCharCode(xlsx[0], xlsx[1]), 'PK');
    const html = await admin.reports.getReportHtml({ roundId: round });
    expect('ADMIN: report HTML is a page', html.startsWith('<!DOCTYPE html>'), true);
    const sheets = await admin.submissions.listRoundSubmissionsCsv({ roundId: round });
    expect('ADMIN: submissions CSV has a row per unit', sheets.trim().split('\n').length, 4);

    // An integrating system reads with a VIEWER key and writes nothing.
    const viewerKey = await admin.security.createApiKey({
        apiKeyCreate: { name: '監査', role: Role.Viewer, unitId: org },
    });
    const viewer = as(viewerKey.secret ?? '');
    expect('VIEWER: reads the report', (await viewer.reports.getReport({ roundId: round })).score, 47);
    const refused = await viewer.rounds.closeRound({ id: round }).then(() => 0, (e: { response?: Response }) =>
        e.response?.status ?? -1);
    expect('VIEWER: may not close the round', refused, 403);

    expect('ADMIN: closes the round', (await admin.rounds.closeRound({ id: round })).status, 'CLOSED');
}

main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
});
