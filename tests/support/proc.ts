/**
 * Field `n` of a `/proc/<pid>/stat` line, numbered as in proc(5) (14: utime, 15: stime, 19: nice);
 * undefined when the line is empty or shorter. The 2nd field, the command name in parentheses,
 * may itself hold spaces and parentheses, so fields are counted after its last ')'.
 */
export function statField(stat: string, n: number): string | undefined {
  if (!stat) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[n - 3];
}
