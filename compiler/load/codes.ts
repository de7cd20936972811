// Diagnostic codes of the loader (ER1xxx): reading files and parsing YAML.
import type { CodeInfo } from '../diagnostics/code-info';

export const loadCodes: readonly CodeInfo[] = [
  {
    code: 'ER1001',
    severity: 'error',
    title: 'YAML syntax error',
    explanation: 'The file is not valid YAML. The message names the problem the YAML parser found at that position (bad indentation, an unclosed quote or bracket, a tab used for indentation, ...).',
  },
  {
    code: 'ER1002',
    severity: 'error',
    title: 'Duplicate key',
    explanation: 'A mapping has the same key twice. YAML requires unique keys, and a silent "last one wins" hides mistakes: merge the two entries or rename one. Keys are names compared as written: `1:` and `"1":`, or `true:` and `"true":`, are the same key (while `0x10:` stays the name "0x10", never the number 16). The rest of the file is still checked in the same run, with the first of the two values.',
  },
  {
    code: 'ER1003',
    severity: 'error',
    title: 'Too many alias expansions',
    explanation: 'The file uses YAML aliases (`*name`) that expand to more than 100,000 values in all (protection against "billion laughs" files, where aliases inside anchored values multiply). Reusing values is fine; the count is of the values the aliases add. Write the values out, or avoid nesting aliases inside anchored values.',
  },
  {
    code: 'ER1004',
    severity: 'error',
    title: 'Nesting too deep',
    explanation: 'Values are nested deeper than eventroutes accepts (64 levels, counting the values that aliases repeat). Route files never need this; the file is probably generated wrongly. Brackets inside strings, block scalars and comments do not count.',
  },
  {
    code: 'ER1005',
    severity: 'error',
    title: 'Not a text file',
    explanation: 'The file is not UTF-8 text (it holds binary data or another encoding). Save it as UTF-8.',
  },
  {
    code: 'ER1006',
    severity: 'error',
    title: 'Top level is not a mapping',
    explanation: 'A route file is a YAML mapping of sections (`events:`, `routes:`, ...). The file holds a list or a single value instead.',
  },
  {
    code: 'ER1007',
    severity: 'error',
    title: 'Several YAML documents in one file',
    explanation: 'A route file holds one YAML document. Split documents separated by `---` into separate files.',
  },
  {
    code: 'ER1008',
    severity: 'error',
    title: 'File too large',
    explanation: 'Route files are limited to 1 MB. Split the file by team or domain.',
  },
  {
    code: 'ER1009',
    severity: 'error',
    title: 'Cannot read file',
    explanation: 'The file or folder could not be read (permissions, a broken link). The message has the system error.',
  },
  {
    code: 'ER1010',
    severity: 'error',
    title: 'Schema file cannot be loaded',
    explanation: 'An event schema `$ref` names a file that does not exist, is outside the project, or is not valid JSON or YAML.',
  },
  {
    code: 'ER1011',
    severity: 'warning',
    title: 'No route files',
    explanation: 'The routes folder has no `.yaml` or `.yml` files (the extension in any case, e.g. `.YAML`), so there is nothing to compile.',
  },
  {
    code: 'ER1012',
    severity: 'warning',
    title: 'Empty route file',
    explanation: 'The file has no content. Delete it or add sections to it.',
  },
  {
    code: 'ER1013',
    severity: 'error',
    title: 'Unsupported YAML feature',
    explanation: 'Route files use plain YAML: mappings, lists, strings, numbers, booleans and null. Custom tags (`!Ref`, `!!binary`, ...) on values or keys, complex (list, mapping or alias) keys, empty or `~` keys and merge keys (`<<`) are not accepted, because they do not survive conversion to JSON or make files hard to review. Every such use in a file is reported in one run.',
  },
  {
    code: 'ER1014',
    severity: 'error',
    title: 'Number is not finite',
    explanation: 'Route files are JSON data, and JSON has no NaN or infinity: `.inf`, `-.inf`, `.nan` and literals too large for a double (such as `1e400`, which reads as infinity) are rejected wherever they appear. Write a finite number, or quote the value to make it a string.',
  },
  {
    code: 'ER1015',
    severity: 'error',
    title: 'Alias without its anchor',
    explanation: 'An alias `*name` repeats the value anchored as `&name`. The anchor must be defined earlier in the same file and outside the aliased value itself (data cannot contain itself). The message says whether the anchor is missing (often a typo), defined only after the alias, or encloses the alias.',
  },
];
