"""Stage 3, story: documents and their facts in, what the report says out.

Takes parsed documents (with facts), a :class:`~reportkit.layouts.Layout`, the week and the
resolved chart data; returns a :class:`~reportkit.model.Report`: title, standfirst,
takeaways, key figures. ``select.py`` matches layout fact selectors (shared with charts).
Imports layouts, facts and the base modules; never charts or renderers.
"""

from .assemble import assemble, key_figures, merge_takeaways, render_title, standfirst, title_vars
from .select import dedupe, matches, select

__all__ = ["assemble", "dedupe", "key_figures", "matches", "merge_takeaways", "render_title", "select",
           "standfirst", "title_vars"]
