"""Multilateral forums, groupings and summits for ``diplomacy_events``.

Installed, the plugin is found through its entry point (``forums`` in the ``diplomacy_events``
group); without installing, register :mod:`diplomacy_events_forums.plugin` by hand::

    from diplomacy_events import Pipeline
    from diplomacy_events_forums import plugin

    pipeline = Pipeline(plugins=[plugin], entry_points=False)

:func:`find_forums` runs the matcher on its own, without a pipeline.
"""

from __future__ import annotations

from diplomacy_events_forums.catalogue import FORUMS, Forum
from diplomacy_events_forums.matcher import find_forums

__version__ = "0.1.0"
__all__ = ["FORUMS", "Forum", "__version__", "find_forums"]
