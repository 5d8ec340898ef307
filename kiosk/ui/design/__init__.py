"""The design system of ../shared/DESIGN.md in code: one theme (type scale, 8 px grid, colours, sizes scaled to the
window), and the few widgets every screen is built from (action bar, result panel, tiles and segmented choices,
validated field, step bar, page frame)."""
