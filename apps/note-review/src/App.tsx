import { TimeDisplay } from '@ambient-audio/react';

/** The note-review screen: visits on the left, the note and its recording on the right. */
export function App() {
  return (
    <div className="nr-layout">
      <header className="nr-header">
        <h1>Note review</h1>
      </header>
      <main className="nr-main">
        <section aria-labelledby="note-heading" className="nr-note">
          <h2 id="note-heading">Visit recording</h2>
          <p>
            Recording length: <TimeDisplay currentTime={0} duration={0} />
          </p>
        </section>
      </main>
    </div>
  );
}
