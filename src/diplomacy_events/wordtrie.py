"""Regular expressions for long word lists, written as a trie.

Python's ``re`` tries the branches of an alternation one after another at every position of
the text, so ``said|says|stated|...`` over hundreds of words costs hundreds of comparisons per
character. The same words as a trie (``s(?:a(?:id|ys)|tated)``) cost a few: the pattern matches
exactly the same strings, and where one listed word is a prefix of another the longer one is
tried first, as a longest-first alternation would.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""
_Trie = dict[str, "_Trie"]


def alternation(words: Iterable[str], space: str = r"\s+") -> str:
    """A regex (without groups or anchors) matching any of ``words``; a space inside a phrase
    matches ``space``. Case is kept: compile with ``re.IGNORECASE`` to ignore it."""
    trie: _Trie = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _emit(trie, space)


def _emit(node: _Trie, space: str) -> str:
    branches = []
    for ch in sorted(k for k in node if k != _END):
        head = space if ch == " " else re.escape(ch)
        branches.append(head + _emit(node[ch], space))
    if not branches:
        return ""
    if _END not in node:
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # the word may stop here: greedy "?" tries the longer words first
    return "(?:" + "|".join(branches) + ")?"
