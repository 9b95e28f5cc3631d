"""Every reader key as a command-palette entry (ctrl+p), built from the live bindings."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ReaderCommands(Provider):
    """Searches the descriptions of the bindings active on the current screen."""

    def _commands(self) -> list[tuple[str, str, str]]:
        seen: dict[str, tuple[str, str, str]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.system or not active.enabled:
                continue
            key = self.app.get_key_display(binding)
            if binding.action in seen:
                name, action, keys = seen[binding.action]
                seen[binding.action] = (name, action, f"{keys}, {key}")
            else:
                seen[binding.action] = (binding.description, binding.action, key)
        return list(seen.values())

    def _run(self, action: str) -> None:
        self.app.call_later(self.screen.run_action, action)

    async def discover(self) -> Hits:
        for name, action, keys in self._commands():
            yield DiscoveryHit(name, partial(self._run, action), help=f"key: {keys}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, keys in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, action), text=name, help=f"key: {keys}")
