@import "tailwindcss";
@import "@codexion/resources/theme.css";

/* Tailwind does not scan sibling packages: the framework's generated pages carry classes too */
@source "../../../framework/web/src";
@source "./";
