"""The plugin manager: built-in extractors, installed plugins, blocking and listing.

Installed plugins are found through the ``diplomacy_events`` entry-point group, loaded one at a
time in the order of their names. A plugin that fails to import or whose hooks do not match the
hookspecs is skipped with a warning naming it and its distribution; with
``DIPLOMACY_EVENTS_STRICT_PLUGINS=1`` that is an error. ``DIPLOMACY_EVENTS_DISABLE_PLUGINS=a,b``
blocks plugins (built-ins included) by name.
"""

from __future__ import annotations

import importlib
import os
import warnings
from collections.abc import Iterable
from importlib import metadata
from typing import Any

import attrs
import pluggy

from diplomacy_events import hookspecs

ENTRY_POINT_GROUP = "diplomacy_events"
BUILTINS: tuple[tuple[str, str], ...] = (
    ("dates", "diplomacy_events.extractors.dates"),
    ("officials", "diplomacy_events.extractors.officials"),
    ("locations", "diplomacy_events.extractors.locations"),
    ("statements", "diplomacy_events.extractors.statements"),
    ("events", "diplomacy_events.extractors.events"),
)


class PluginError(RuntimeError):
    """A plugin could not be loaded or validated (raised in strict mode)."""


class PluginWarning(UserWarning):
    """A plugin was skipped, or its output dropped."""


@attrs.frozen
class PluginInfo:
    """What ``diplomacy-events plugins`` shows of one plugin."""

    name: str
    hooks: tuple[str, ...]
    version: str | None = None
    distribution: str | None = None
    builtin: bool = False


def _env_list(name: str) -> set[str]:
    return {x.strip() for x in os.environ.get(name, "").split(",") if x.strip()}


def strict_from_env() -> bool:
    """Whether ``DIPLOMACY_EVENTS_STRICT_PLUGINS`` asks for strict plugin loading."""
    return os.environ.get("DIPLOMACY_EVENTS_STRICT_PLUGINS", "").strip().lower() in {"1", "true", "yes"}


class PluginRegistry:
    """A pluggy PluginManager with the built-ins and installed plugins registered."""

    def __init__(
        self,
        plugins: Iterable[Any] = (),
        *,
        builtins: bool = True,
        entry_points: bool = True,
        disable: Iterable[str] = (),
        strict: bool | None = None,
    ) -> None:
        self.strict = strict_from_env() if strict is None else strict
        self.disabled = set(disable) | _env_list("DIPLOMACY_EVENTS_DISABLE_PLUGINS")
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.infos: dict[str, PluginInfo] = {}
        self.load_warnings: list[str] = []
        if builtins:
            for name, module in BUILTINS:
                if name not in self.disabled:
                    self._register(importlib.import_module(module), name, builtin=True)
        if entry_points:
            self._load_entry_points()
        for i, plugin in enumerate(plugins):
            name = str(
                getattr(plugin, "name", None)
                or getattr(plugin, "__name__", None)
                or f"{type(plugin).__name__}-{i}"
            )
            if name not in self.disabled:
                self._add(plugin, name, None, None)

    def _register(self, plugin: Any, name: str, *, builtin: bool = False, **info: Any) -> None:
        self.pm.register(plugin, name=name)
        hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(plugin) or ()))
        self.infos[name] = PluginInfo(name=name, hooks=hooks, builtin=builtin, **info)

    def _add(self, plugin: Any, name: str, dist: str | None, version: str | None) -> None:
        """Register and validate one plugin; undo the registration when it fails.

        Only what this call registered is undone: a plugin whose name or object is already
        registered (a built-in's name, the same module twice) is refused and the first one kept.
        """
        registered = False
        try:
            if name in self.infos or self.pm.has_plugin(name):
                raise ValueError(f"a plugin named {name!r} is already registered")
            if self.pm.is_registered(plugin):
                raise ValueError(
                    f"the same plugin object is already registered as {self.pm.get_name(plugin)!r}"
                )
            self.pm.register(plugin, name=name)
            registered = True
            self.pm.check_pending()
            hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(plugin) or ()))
            self.infos[name] = PluginInfo(name=name, hooks=hooks, distribution=dist, version=version)
        except Exception as exc:
            if registered:
                self.pm.unregister(plugin, name=name)
            self._fail(name, dist, exc)

    def _fail(self, name: str, dist: str | None, exc: BaseException) -> None:
        where = f" (distribution {dist})" if dist else ""
        message = f"plugin {name!r}{where} skipped: {type(exc).__name__}: {exc}"
        if self.strict:
            raise PluginError(message) from exc
        self.load_warnings.append(message)
        warnings.warn(message, PluginWarning, stacklevel=3)

    def _load_entry_points(self) -> None:
        eps = sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)
        for ep in eps:
            if ep.name in self.disabled:
                continue
            dist = ep.dist.name if ep.dist is not None else None
            version = ep.dist.version if ep.dist is not None else None
            try:
                plugin = ep.load()
            except (Exception, SystemExit) as exc:  # a module that exits on import is a failed plugin too
                self._fail(ep.name, dist, exc)
                continue
            self._add(plugin, ep.name, dist, version)

    def list(self, include_builtins: bool = False) -> list[PluginInfo]:
        """The loaded plugins, built-ins first, each group by name."""
        infos = [i for i in self.infos.values() if include_builtins or not i.builtin]
        return sorted(infos, key=lambda i: (not i.builtin, i.name))
