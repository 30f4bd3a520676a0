// commander's way to make a repeatable option (`-p A=1 -p B=2`) collect its values.

/**
 * Appends each occurrence of a repeatable option.
 *
 * @example
 * ```ts
 * cmd.option("-p, --parameter <name=value>", "repeatable", collect);
 * ```
 */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
