/**
 * The console's frame: a skip link, the banner and one `<main>` landmark with the page heading.
 * Views (agent desk, strategy editor, supervisor dashboards) render inside `<main>` as they arrive.
 */
export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="banner">
        <p className="brand">Saldo</p>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>Console</h1>
        <p>Agent, strategist and supervisor views will appear here.</p>
      </main>
    </>
  );
}
