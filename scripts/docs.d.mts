export function renderTables(action: unknown): { inputs: string; outputs: string }
export function withTables(readme: string, tables: Record<string, string>): string
export function renderReadme(readme: string, action: unknown): Promise<string>
