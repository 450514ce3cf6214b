/** The browser debugger's shell. The interactive flow view comes with the UI issue. */
export function App() {
  return (
    <main className="mx-auto max-w-3xl p-8 font-sans text-slate-800">
      <h1 className="text-2xl font-semibold">mcp-auth-debugger</h1>
      <p className="mt-4">
        The browser interface is being built. Until then, run the whole flow from a terminal:
      </p>
      <pre className="mt-4 rounded bg-slate-100 p-4 text-sm">npx mcp-auth-debugger check &lt;your MCP server URL&gt;</pre>
    </main>
  );
}
