"""The interactive graph page."""

from .data import PageStatement, page_data
from .html import render_html

__all__ = ["PageStatement", "page_data", "render_html"]
