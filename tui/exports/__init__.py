"""Exports of notes and the claim index: Obsidian Markdown, ClaimReview and Web Annotation JSON-LD, CSV."""
