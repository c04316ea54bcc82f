"""The interactive graph: one self-contained HTML file that works with no network."""

from .html import render_html

__all__ = ["render_html"]
