#include "CPrintf.h"

#include <locale.h>
#include <stdio.h>
#if defined(__APPLE__)
#include <xlocale.h>
#endif

int descent_print_double(char *buffer, size_t size, char conversion, int precision, double value) {
    if (conversion != 'f' && conversion != 'e' && conversion != 'g') {
        if (size > 0) buffer[0] = 0;
        return -1;
    }
    char format[] = "%.*g";
    format[3] = conversion;
    // The whole C locale: glibc hands out its built-in object for it, without allocating.
    locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    locale_t previous = c_locale ? uselocale(c_locale) : (locale_t)0;
    int length = snprintf(buffer, size, format, precision, value);
    if (c_locale) {
        uselocale(previous);
        freelocale(c_locale);
    }
    return length;
}
