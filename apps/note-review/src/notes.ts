import transcript from '../../recording-api/fixtures/visit-demo.transcript.json';
import type { NoteSection, SoapNote } from './soapNote';

/** A note sentence written from transcript lines `from`..`to`: it links to when they were said. */
function fromLines(text: string, from: number, to = from) {
  const first = transcript.lines[from];
  const last = transcript.lines[to];
  if (!first || !last) throw new Error(`The transcript has no line ${from}-${to}`);
  return { text, start: first.start, end: last.end };
}

const demoNote: SoapNote = {
  sessionId: 'visit-demo',
  sections: [
    {
      heading: 'Subjective',
      sentences: [
        fromLines('Ten-day cough, keeping her up at night.', 1),
        fromLines('Now dry; yellow sputum during the first few days.', 2, 3),
        fromLines('Low-grade fever (101 °F) for three days, resolved; no shortness of breath.', 4, 5),
        fromLines('No chest pain; mild wheeze when lying down.', 6, 7),
        fromLines('Honey, tea and OTC cough syrup give partial relief.', 8, 9),
        fromLines('Takes lisinopril 10 mg every morning; home BP about 130/85.', 10, 11),
      ],
    },
    {
      heading: 'Objective',
      sentences: [
        fromLines('BP 132/84, SpO₂ 98% on room air.', 12),
        fromLines('Lungs clear to auscultation, no crackles.', 13, 14),
        fromLines('Mild pharyngeal erythema with post-nasal drip.', 14),
      ],
    },
    {
      heading: 'Assessment',
      sentences: [
        fromLines('Post-viral cough, expected to improve over 3–8 weeks.', 15),
        fromLines('ACE-inhibitor cough less likely: two years on lisinopril without cough.', 16),
        fromLines('Hypertension near goal.', 19),
      ],
    },
    {
      heading: 'Plan',
      sentences: [
        fromLines('No antibiotics; saline nasal rinse twice daily, honey at night.', 17, 18),
        fromLines('Continue lisinopril 10 mg daily; home BP checks.', 19),
        fromLines('Return if fever, chest pain or dyspnea, or no improvement in 3 weeks.', 20),
        fromLines('Follow up in 3 months.', 22),
      ],
    },
  ],
};

/** Notes for the long synthetic visits: a few sentences far into the recording, to show long seeks. */
function longVisitNote(sessionId: string, minutes: number): SoapNote {
  const at = (minute: number, text: string) => ({ text, start: minute * 60, end: minute * 60 + 45 });
  const sections: NoteSection[] = [
    {
      heading: 'Subjective',
      sentences: [
        at(2, 'Chief complaint and history reviewed.'),
        at(minutes * 0.3, 'Medication reconciliation.'),
      ],
    },
    { heading: 'Objective', sentences: [at(minutes * 0.5, 'Examination findings discussed.')] },
    { heading: 'Assessment', sentences: [at(minutes * 0.75, 'Assessment discussed with the patient.')] },
    { heading: 'Plan', sentences: [at(minutes * 0.9, 'Plan and follow-up agreed.')] },
  ];
  return { sessionId, sections };
}

export const notes: Record<string, SoapNote> = {
  'visit-demo': demoNote,
  'visit-60min': longVisitNote('visit-60min', 60),
  'visit-120min': longVisitNote('visit-120min', 120),
  'visit-multichunk': longVisitNote('visit-multichunk', 1.5),
};

export interface Visit {
  sessionId: string;
  patient: string;
  when: string;
  reason: string;
}

export const visits: Visit[] = [
  { sessionId: 'visit-demo', patient: 'Maria Alvarez', when: 'Today 09:10', reason: 'Cough, BP follow-up' },
  {
    sessionId: 'visit-multichunk',
    patient: 'James Okafor',
    when: 'Today 09:40',
    reason: 'Knee pain (3 recordings)',
  },
  { sessionId: 'visit-60min', patient: 'Priya Raman', when: 'Today 10:30', reason: 'Annual physical' },
  { sessionId: 'visit-120min', patient: 'Tom Becker', when: 'Yesterday', reason: 'Complex care review' },
  {
    sessionId: 'visit-processing',
    patient: 'Lena Novak',
    when: 'Today 11:05',
    reason: 'Uploaded after the visit',
  },
  { sessionId: 'visit-not-streamable', patient: 'Ahmed Haddad', when: 'Today 11:30', reason: 'Rash' },
  { sessionId: 'visit-expired', patient: 'Grace Liu', when: '9 days ago', reason: 'Headache' },
];
