import transcript from '../../recording-api/fixtures/visit-demo.transcript.json';
import type { NoteCue, SoapNote } from './soapNote';

interface Span {
  start: number;
  end: number;
}

const hundredths = (seconds: number) => Math.round(seconds * 100) / 100;

/**
 * When transcript line `index` was said, or only the `words` of it (quoted exactly), placed by
 * character position within the line's span: one line that two note sentences come from is split
 * between them, so they never claim the same moment.
 */
function said(index: number, words?: string): Span {
  const line = transcript.lines[index];
  if (!line) throw new Error(`The transcript has no line ${index}`);
  if (words === undefined) return { start: line.start, end: line.end };
  const at = line.text.indexOf(words);
  if (at < 0) throw new Error(`Transcript line ${index} does not say "${words}"`);
  const perCharacter = (line.end - line.start) / line.text.length;
  return {
    start: hundredths(line.start + at * perCharacter),
    end: hundredths(line.start + (at + words.length) * perCharacter),
  };
}

/** A visit-demo sentence written from what was said from `from` through `to`. */
function fromTranscript(id: string, label: string, from: Span, to: Span = from): NoteCue {
  return { id, label, start: from.start, end: to.end };
}

const demoNote: SoapNote = {
  sessionId: 'visit-demo',
  sections: [
    {
      heading: 'Subjective',
      sentences: [
        fromTranscript('cough', 'Ten-day cough, keeping her up at night.', said(1)),
        fromTranscript('sputum', 'Now dry; yellow sputum during the first few days.', said(2), said(3)),
        fromTranscript(
          'fever',
          'Low-grade fever (101 °F) for three days, resolved; no shortness of breath.',
          said(4),
          said(5),
        ),
        fromTranscript('chest', 'No chest pain; mild wheeze when lying down.', said(6), said(7)),
        fromTranscript('relief', 'Honey, tea and OTC cough syrup give partial relief.', said(8), said(9)),
        fromTranscript(
          'medication',
          'Takes lisinopril 10 mg every morning; home BP about 130/85.',
          said(10),
          said(11),
        ),
      ],
    },
    {
      heading: 'Objective',
      sentences: [
        fromTranscript('vitals', 'BP 132/84, SpO₂ 98% on room air.', said(12)),
        fromTranscript(
          'lungs',
          'Lungs clear to auscultation, no crackles.',
          said(13),
          said(14, 'Your lungs are clear, no crackles.'),
        ),
        fromTranscript(
          'throat',
          'Mild pharyngeal erythema with post-nasal drip.',
          said(14, 'Your throat is a little red, and there is some post nasal drip.'),
        ),
      ],
    },
    {
      heading: 'Assessment',
      sentences: [
        fromTranscript('post-viral', 'Post-viral cough, expected to improve over 3–8 weeks.', said(15)),
        fromTranscript(
          'ace-inhibitor',
          'ACE-inhibitor cough less likely: two years on lisinopril without cough.',
          said(16),
        ),
        fromTranscript(
          'hypertension',
          'Hypertension near goal.',
          said(19, 'Your blood pressure is close to goal.'),
        ),
      ],
    },
    {
      heading: 'Plan',
      sentences: [
        fromTranscript(
          'no-antibiotics',
          'No antibiotics; saline nasal rinse twice daily, honey at night.',
          said(17),
          said(18),
        ),
        fromTranscript(
          'lisinopril',
          'Continue lisinopril 10 mg daily; home BP checks.',
          said(19, "Let's keep the lisinopril at ten milligrams, and keep checking at home."),
        ),
        fromTranscript(
          'return',
          'Return if fever, chest pain or dyspnea, or no improvement in 3 weeks.',
          said(20),
        ),
        fromTranscript('follow-up', 'Follow up in 3 months.', said(22)),
      ],
    },
  ],
};

/** Clock text (`m:ss` or `h:mm:ss`) in seconds. */
function seconds(clock: string): number {
  return clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/**
 * A sentence of a synthesized visit (speech-like audio, no transcript), placed from `from` to `to`
 * (clock text) inside its recording.
 */
function placed(id: string, label: string, from: string, to: string): NoteCue {
  return { id, label, start: seconds(from), end: seconds(to) };
}

/** 90 s in three 30 s recordings (chunks start at 0:30 and 1:00): sentences in all three, one across a boundary. */
const multichunkNote: SoapNote = {
  sessionId: 'visit-multichunk',
  sections: [
    {
      heading: 'Subjective',
      sentences: [
        placed('onset', 'Right knee pain for two weeks, worse going down stairs.', '0:03', '0:10'),
        placed('injury', 'No injury recalled; ibuprofen 400 mg helps for a few hours.', '0:11', '0:19'),
        placed('swelling', 'Mild swelling in the evenings; no locking or giving way.', '0:20', '0:27'),
      ],
    },
    {
      heading: 'Objective',
      sentences: [
        placed('exam', 'Small effusion, medial joint-line tenderness, full range of motion.', '0:31', '0:40'),
        placed('tests', 'McMurray and Lachman tests negative.', '0:41', '0:47'),
      ],
    },
    {
      heading: 'Assessment',
      sentences: [
        placed('assessment', 'Likely medial meniscus irritation or early osteoarthritis.', '0:55', '1:04'),
      ],
    },
    {
      heading: 'Plan',
      sentences: [
        placed('rest', 'Ice, relative rest and a home quadriceps programme.', '1:06', '1:14'),
        placed('imaging', 'Knee X-ray if not better in four weeks; sooner if it locks.', '1:15', '1:24'),
        placed('follow-up', 'Follow up in four weeks.', '1:25', '1:29'),
      ],
    },
  ],
};

/** An hour: sentences spread over the whole visit, for seeks far into it. */
const annualNote: SoapNote = {
  sessionId: 'visit-60min',
  sections: [
    {
      heading: 'Subjective',
      sentences: [
        placed('reason', 'Here for her annual physical; feels well overall.', '0:45', '1:20'),
        placed('sleep', 'Sleeps about six hours; works long shifts as a nurse.', '6:10', '6:55'),
        placed('exercise', 'Exercises twice a week and would like to do more.', '14:30', '15:20'),
      ],
    },
    {
      heading: 'Objective',
      sentences: [
        placed('vitals', 'BP 118/76, BMI 23.4.', '22:05', '22:40'),
        placed('exam', 'Heart and lungs normal; skin check without concerning lesions.', '28:10', '29:00'),
      ],
    },
    {
      heading: 'Assessment',
      sentences: [placed('assessment', 'Healthy adult, due for cervical screening.', '38:20', '39:00')],
    },
    {
      heading: 'Plan',
      sentences: [
        placed('screening', 'Cervical screening today; fasting lipids and HbA1c.', '47:15', '48:05'),
        placed('vaccines', 'Tdap booster given; flu vaccine in the autumn.', '55:30', '56:10'),
        placed('follow-up', 'Next physical in one year.', '59:00', '59:40'),
      ],
    },
  ],
};

/** Two hours: sentences up to the last minutes of the recording. */
const complexCareNote: SoapNote = {
  sessionId: 'visit-120min',
  sections: [
    {
      heading: 'Subjective',
      sentences: [
        placed('review', 'Reviewed heart failure, type 2 diabetes and CKD stage 3.', '1:30', '2:20'),
        placed('orthopnoea', 'Two nights of orthopnoea last week; weight up 2 kg.', '12:40', '13:25'),
        placed('adherence', 'Misses the evening metformin dose about twice a week.', '26:15', '26:50'),
      ],
    },
    {
      heading: 'Objective',
      sentences: [
        placed('vitals', 'Weight 92 kg, BP 138/82, mild ankle oedema.', '41:00', '41:40'),
        placed('labs', 'eGFR 48, stable; HbA1c 7.9%.', '55:30', '56:05'),
      ],
    },
    {
      heading: 'Assessment',
      sentences: [placed('assessment', 'Mild fluid overload; diabetes above target.', '1:12:00', '1:12:40')],
    },
    {
      heading: 'Plan',
      sentences: [
        placed('diuretic', 'Furosemide 40 mg for five days, then back to 20 mg.', '1:28:20', '1:29:05'),
        placed('metformin', 'Metformin moved to one extended-release tablet daily.', '1:41:10', '1:41:50'),
        placed('follow-up', 'Nurse call in one week; review in one month.', '1:54:30', '1:55:10'),
        placed('care-plan', 'Care plan shared with the patient and his daughter.', '1:58:45', '1:59:30'),
      ],
    },
  ],
};

/** 45 s, still being processed when the server starts. */
const processingNote: SoapNote = {
  sessionId: 'visit-processing',
  sections: [
    {
      heading: 'Subjective',
      sentences: [
        placed('reason', 'Follow-up four weeks after starting sertraline.', '0:02', '0:08'),
        placed('mood', 'Mood a little better; nausea in the first week, now gone.', '0:09', '0:18'),
      ],
    },
    {
      heading: 'Objective',
      sentences: [placed('phq9', 'Calm, good eye contact; PHQ-9 down from 16 to 11.', '0:20', '0:28')],
    },
    {
      heading: 'Assessment',
      sentences: [placed('assessment', 'Depression improving on sertraline 50 mg.', '0:29', '0:34')],
    },
    {
      heading: 'Plan',
      sentences: [placed('plan', 'Continue 50 mg; review in six weeks.', '0:35', '0:42')],
    },
  ],
};

/** 40 s that the storage serves whole (no Range): downloaded, then played. */
const rashNote: SoapNote = {
  sessionId: 'visit-not-streamable',
  sections: [
    {
      heading: 'Subjective',
      sentences: [
        placed('rash', 'Itchy rash on both forearms for five days, after gardening.', '0:02', '0:09'),
      ],
    },
    {
      heading: 'Objective',
      sentences: [placed('exam', 'Linear red papules and vesicles on both forearms.', '0:12', '0:19')],
    },
    {
      heading: 'Assessment',
      sentences: [placed('assessment', 'Allergic contact dermatitis, likely from a plant.', '0:21', '0:27')],
    },
    {
      heading: 'Plan',
      sentences: [
        placed('cream', 'Hydrocortisone 1% cream twice daily; gloves when gardening.', '0:28', '0:35'),
        placed('return', 'Return if it spreads or looks infected.', '0:35.5', '0:39.5'),
      ],
    },
  ],
};

/** 60 s, past the 7-day retention (410): the note stays, its audio is gone. */
const headacheNote: SoapNote = {
  sessionId: 'visit-expired',
  sections: [
    {
      heading: 'Subjective',
      sentences: [
        placed('pattern', 'Headaches three times a week for a month.', '0:03', '0:10'),
        placed('triggers', 'Worse with screen work; no aura, no vomiting.', '0:11', '0:18'),
      ],
    },
    {
      heading: 'Objective',
      sentences: [placed('exam', 'Neurological exam normal; neck muscles tender.', '0:22', '0:30')],
    },
    {
      heading: 'Assessment',
      sentences: [placed('assessment', 'Tension-type headache.', '0:33', '0:36')],
    },
    {
      heading: 'Plan',
      sentences: [
        placed('advice', 'Screen breaks, posture advice, paracetamol at most twice a week.', '0:38', '0:47'),
        placed('diary', 'Headache diary; review in four weeks.', '0:48', '0:54'),
      ],
    },
  ],
};

export const notes: Record<string, SoapNote> = Object.fromEntries(
  [demoNote, multichunkNote, annualNote, complexCareNote, processingNote, rashNote, headacheNote].map(
    (note) => [note.sessionId, note],
  ),
);

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

/** A note of `count` short sentences spread evenly over `durationSeconds` (see `?sentences=`). */
export function syntheticNote(sessionId: string, count: number, durationSeconds: number): SoapNote {
  const step = durationSeconds / count;
  const sentences: NoteCue[] = Array.from({ length: count }, (_, i) => ({
    id: `s${i + 1}`,
    start: Math.round(i * step * 100) / 100,
    // Touching, as a note's sentences usually are: each change hands over from one to the next.
    end: Math.round((i + 1) * step * 100) / 100,
    label: `Sentence ${i + 1} of the long note.`,
  }));
  return { sessionId, sections: [{ heading: 'Subjective', sentences }] };
}
