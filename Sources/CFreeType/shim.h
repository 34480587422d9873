// FreeType 2: glyph outlines (FT_Outline_Decompose), advances and kerning.
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
