/** First-strong isolation (FSI … PDI): a Latin value inside a right-to-left sentence keeps its place. */
export const isolate = (text: string) => `\u2068${text}\u2069`;
