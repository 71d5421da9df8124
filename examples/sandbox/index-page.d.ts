export interface ExampleEntry {
  folder: string
  title: string
}

export function findExamples(examplesRoot: string): Promise<ExampleEntry[]>

export function renderIndexPage(page: { examples: ExampleEntry[]; hostedUrl: string; apiUrl: string; connectKey: string; users: Array<{ name: string; referenceId: string }> }): string
