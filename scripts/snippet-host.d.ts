// What the docs' snippets take from the host app around them: its sign-in and its audit trail.
declare const auth: { currentToken(): string };
declare const audit: { record(event: unknown): void };
declare const auditTrail: { record(event: unknown): void };
declare function refetchUrls(): void;
