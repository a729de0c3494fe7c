import { useState } from 'react';
import { probeAdmin, restartProcessing, setStorageCors } from './adminApi';

export interface ScenariosPanelProps {
  apiUrl: string;
  /** Who the open visit is, for what the CORS switch says it reloaded. */
  openVisit: string;
  /** The processing window restarted: show `sessionId` from its first answer again. */
  onProcessingRestarted: (sessionId: string) => void;
  /** Storage CORS switched: reload the player of the open visit. */
  onCorsChanged: () => void;
}

type Availability = 'unknown' | 'checking' | 'available' | 'unavailable';

/**
 * The demo's "Scenarios" disclosure: buttons that drive the reference server's admin API to reach
 * the states a fresh server shows only briefly (processing) or only when started differently (a
 * bucket without CORS). Nothing is asked of the server until the reader opens it.
 */
export function ScenariosPanel({
  apiUrl,
  openVisit,
  onProcessingRestarted,
  onCorsChanged,
}: ScenariosPanelProps) {
  const [availability, setAvailability] = useState<Availability>('unknown');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [cors, setCors] = useState<boolean | null>(null);

  const check = async () => {
    setAvailability('checking');
    setAvailability((await probeAdmin(apiUrl)) ? 'available' : 'unavailable');
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const restart = () =>
    run(async () => {
      const result = await restartProcessing(apiUrl);
      if (!result.ok) return setMessage(result.error);
      const { sessionId, seconds } = result.value;
      setMessage(
        `${sessionId} now answers 404 for ${seconds} s. Its player checks again and again, then plays.`,
      );
      onProcessingRestarted(sessionId);
    });

  const switchCors = (enabled: boolean) =>
    run(async () => {
      const result = await setStorageCors(apiUrl, enabled);
      if (!result.ok) return setMessage(result.error);
      setCors(result.value.cors);
      setMessage(
        `Storage CORS is ${result.value.cors ? 'on' : 'off'}; the player of ${openVisit} was reloaded.`,
      );
      onCorsChanged();
    });

  const disabled = availability !== 'available' || busy;

  return (
    <details
      className="nr-scenarios"
      onToggle={(event) => {
        if (event.currentTarget.open && availability === 'unknown') void check();
      }}
    >
      <summary>Scenarios</summary>
      <div className="nr-scenarios-body">
        <p className="nr-scenarios-intro">
          Demo only: these drive the reference server&rsquo;s admin API, served when it runs with{' '}
          <code>--admin</code> (<code>bash scripts/demo.sh</code> starts it so).
        </p>
        {availability === 'checking' && <p className="nr-scenarios-note">Looking for the admin API…</p>}
        {availability === 'unavailable' && (
          <p className="nr-scenarios-note">
            This server has no admin API: start it with <code>--admin</code> to use these.{' '}
            <button type="button" className="nr-button" onClick={() => void check()}>
              Check again
            </button>
          </p>
        )}
        <div className="nr-scenario">
          <p className="nr-scenario-what">
            <strong>Processing.</strong> <code>visit-processing</code> (Lena Novak) answers 404 again for the
            server&rsquo;s processing window, as audio still being processed does. The visit opens: its player
            counts down to each check, then plays without a reload.
          </p>
          <button type="button" className="nr-button" disabled={disabled} onClick={() => void restart()}>
            Restart processing
          </button>
        </div>
        <div className="nr-scenario">
          <p className="nr-scenario-what">
            <strong>Storage without CORS.</strong> Switches the storage&rsquo;s CORS headers off or on and
            reloads the open visit&rsquo;s player. Without CORS the audio still plays, but its samples cannot
            be read: a plain track replaces the waveform.
            {cors !== null && ` CORS is ${cors ? 'on' : 'off'} now.`}
          </p>
          <span className="nr-scenario-actions">
            <button
              type="button"
              className="nr-button"
              disabled={disabled || cors === false}
              onClick={() => void switchCors(false)}
            >
              Turn CORS off
            </button>
            <button
              type="button"
              className="nr-button"
              disabled={disabled || cors === true}
              onClick={() => void switchCors(true)}
            >
              Turn CORS on
            </button>
          </span>
        </div>
        <p className="nr-scenarios-status" role="status">
          {message}
        </p>
      </div>
    </details>
  );
}
