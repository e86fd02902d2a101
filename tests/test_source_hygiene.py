"""Module-level constants are bound once: a second binding silently changes every earlier user."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

import diplomacy_events

SOURCES = sorted(Path(diplomacy_events.__file__).parent.rglob("*.py"))


def constants_bound_twice(source: str) -> list[str]:
    names: Counter[str] = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        else:
            continue
        flat = [e for t in targets for e in (t.elts if isinstance(t, ast.Tuple) else [t])]
        for target in flat:
            if isinstance(target, ast.Name) and target.id.lstrip("_").replace("_", "").isupper():
                names[target.id] += 1
    return sorted(n for n, k in names.items() if k > 1)


def test_the_check_finds_a_rebinding() -> None:
    assert constants_bound_twice("_WORDS = 1\nOTHER = 2\n_WORDS = 3\n") == ["_WORDS"]
    assert constants_bound_twice("_A, _B = 1, 2\n_B = 3\n") == ["_B"]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_module_constant_is_bound_twice(path: Path) -> None:
    assert constants_bound_twice(path.read_text(encoding="utf-8")) == []
