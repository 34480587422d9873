#ifndef DESCENT_CPRINTF_H
#define DESCENT_CPRINTF_H

#include <stddef.h>

/// Writes `value` as C's `printf` writes it with the conversion `%.<precision><conversion>`
/// (`conversion` is 'f', 'e' or 'g'), in the C locale's spelling (`.` as the decimal mark, whatever
/// locale the program has set), into `buffer` of `size` bytes, NUL-terminated. Returns the length
/// of the whole text, as `snprintf` does: when it is `size` or more, the text was cut short and a
/// buffer of that length plus one holds it. Any other conversion writes an empty text and returns -1.
///
/// A fixed signature instead of a variadic call: Swift reaches `vsnprintf` only through
/// `CVarArg`, whose boxing looks up Double's conformances at run time, and Foundation's
/// `String(format:)` adds a CFString on top; together about 2.7 million instructions of a
/// `descent trajectory --output f.svg` that executes 43 million.
int descent_print_double(char *buffer, size_t size, char conversion, int precision, double value);

#endif
