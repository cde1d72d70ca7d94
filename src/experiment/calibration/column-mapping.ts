import { CalibrationError, clip } from './calibration-error.js';

/** What calibration needs from an export, one column each. */
export const EXPORT_FIELDS = [
  'modality',
  'priority',
  'requested',
  'reportStart',
  'reported',
  'reader',
  'accession',
  'patient',
  'bodyPart',
] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];

export const REQUIRED_FIELDS: readonly ExportField[] = ['modality', 'priority', 'requested', 'reported'];

export const FIELD_MEANING: Record<ExportField, string> = {
  modality: 'modality (CT, MR, XR, ...)',
  priority: 'priority or patient source (emergency, inpatient, outpatient, ...)',
  requested: 'request (or acquisition) time: when the study joined the worklist',
  reportStart: 'report start time (optional: gives reading times)',
  reported: 'report time (signed, finalised)',
  reader: 'reporting radiologist (optional: gives the roster; never written out)',
  accession: 'accession number (optional: finds duplicates; never written out)',
  patient: 'patient id (optional: not used; never written out)',
  bodyPart: 'body part (optional: not used yet)',
};

/** Common column names per field, compared lower-case with spaces, dashes and underscores removed. */
const GUESSES: Record<ExportField, string[]> = {
  modality: ['modality', 'mod', 'modalitycode', 'exammodality', 'modalitytype'],
  priority: [
    'priority',
    'urgency',
    'patientsource',
    'source',
    'patientclass',
    'patienttype',
    'encountertype',
    'patientcategory',
    'setting',
  ],
  requested: [
    'requested',
    'requesttime',
    'requestdatetime',
    'requestdate',
    'requestedat',
    'ordertime',
    'orderdatetime',
    'ordered',
    'arrival',
    'arrivaltime',
    'acquired',
    'acquisitiontime',
    'examtime',
    'examdatetime',
    'studytime',
    'studydatetime',
    'scantime',
    'performed',
    'examcompleted',
  ],
  reportStart: [
    'reportstarted',
    'reportstart',
    'reportstarttime',
    'readstart',
    'readstarted',
    'dictationstart',
    'dictationstarted',
    'reportingstarted',
    'opened',
  ],
  reported: [
    'reported',
    'reporttime',
    'reportdatetime',
    'reportedat',
    'signed',
    'signedtime',
    'signedat',
    'reportsigned',
    'finalised',
    'finalized',
    'finaltime',
    'verified',
    'verifiedtime',
    'authorised',
    'authorized',
  ],
  reader: [
    'radiologist',
    'reader',
    'readerid',
    'reportingradiologist',
    'reportedby',
    'signedby',
    'radiologistid',
    'reportingdoctor',
  ],
  accession: ['accession', 'accessionnumber', 'accessionno', 'accno', 'studyid', 'examid', 'orderid'],
  patient: ['patient', 'patientid', 'mrn', 'nhsnumber', 'hospitalnumber', 'patientnumber', 'patientname', 'name'],
  bodyPart: ['bodypart', 'bodyregion', 'region', 'anatomy', 'examination', 'examname', 'procedure'],
};

export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Which column holds each field (index into the header), and how that was decided. */
export interface ColumnMapping {
  columns: Partial<Record<ExportField, number>>;
  /** One line per field: `modality <- "Modality" (guessed)`. */
  lines: string[];
}

/**
 * Maps fields to columns: first the given names (`--column field=Header` or the mapping file),
 * then guesses from common names. Throws a CalibrationError naming the file, the field and the
 * header's columns when a given name is not in the header or a required field has no column.
 */
export function mapColumns(file: string, header: string[], given: Partial<Record<string, string>>): ColumnMapping {
  const columns: Partial<Record<ExportField, number>> = {};
  const lines: string[] = [];
  const taken = new Set<number>();
  const listed = header.map((h) => `"${clip(h, 30)}"`).join(', ');
  for (const [field, name] of Object.entries(given)) {
    if (name === undefined) continue;
    if (!(EXPORT_FIELDS as readonly string[]).includes(field))
      throw new CalibrationError(
        file,
        `column mapping: unknown field "${clip(field)}" (expected one of ${EXPORT_FIELDS.join(', ')})`,
      );
    let i = header.indexOf(name);
    if (i < 0) i = header.findIndex((h) => normaliseName(h) === normaliseName(name));
    if (i < 0)
      throw new CalibrationError(
        file,
        `column mapping: ${field} = "${clip(name)}", but the header has no such column (it has ${listed})`,
      );
    columns[field as ExportField] = i;
    taken.add(i);
    lines.push(`${field} <- "${header[i]}" (given)`);
  }
  for (const field of EXPORT_FIELDS) {
    if (columns[field] !== undefined) continue;
    const i = header.findIndex((h, k) => !taken.has(k) && GUESSES[field].includes(normaliseName(h)));
    if (i >= 0) {
      columns[field] = i;
      taken.add(i);
      lines.push(`${field} <- "${header[i]}" (guessed from the name)`);
    }
  }
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (missing.length) {
    throw new CalibrationError(
      file,
      `no column found for ${missing.map((f) => `${f} (${FIELD_MEANING[f]})`).join('; ')}. The header has ${listed}; name the column with --column ${missing[0]}=<header> or in a mapping file`,
    );
  }
  return { columns, lines };
}
