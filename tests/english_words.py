"""The English words left in a line a French project prints (make check, make annexes, make new).

What a line quotes is left aside (« ... », `...`, '...', "...", a list of values between dashes — ... —, the rule code
in brackets, file names, paths and command options): the value typed, a header, a key, the words a column accepts
(« not started ») or a file name stay as written. What remains is the sentence itself; one of these words
in it (none of them a French word) says it is still wholly or partly English.
"""

from __future__ import annotations

import re

_QUOTED = re.compile(r"«[^»]*»|—[^—]*—|`[^`]*`|(?<![\wÀ-ÿ])'[^'\n]*'(?![\wÀ-ÿ])|\"[^\"\n]*\"|\[[a-z_0-9]+\]"
                     r"|--?[a-z][\w-]*|\S+\.(?:csv|xlsx|xls|yaml|yml|md|xml|ipynb|html|docx)\b|\S*/\S*")
_ENGLISH = re.compile(r"\b(the|is|are|of|and|with|this|these|that|not|to|be|it|its|or|which|has|have|from|by|each|"
                      r"every|should|must|cannot|does|was|were|when|there|their|they|write|rows|row|column|if|than|"
                      r"only|no|value|file|in)\b")


def english_words(text: str) -> list[str]:
    """The English words of ``text`` outside what it quotes ([] for a line wholly French)."""
    return _ENGLISH.findall(_QUOTED.sub(" ", text))
