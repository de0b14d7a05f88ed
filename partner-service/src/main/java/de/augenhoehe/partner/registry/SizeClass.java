package de.augenhoehe.partner.registry;

/** Company size by employees, as the EU defines it: micro &lt;10, small &lt;50, medium &lt;250, large. Companies only. */
enum SizeClass {
    MICRO, SMALL, MEDIUM, LARGE
}
