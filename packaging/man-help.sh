#!/bin/sh
# help2man's way into a program: runs PROGRAM with the option help2man asks for (--help, then
# --version) and passes its output on unchanged, but for one thing: a "Usage:" line on its own
# followed by indented forms (webhookctl's usage text) becomes help2man's "Usage: FORM" and
# "  or:  FORM" lines, each form's continuation lines joined onto it, so the SYNOPSIS shows one
# form per line instead of a filled paragraph of all of them.
# usage: man-help.sh PROGRAM OPTION
program=$1
shift
"$program" "$@" | awk '
    function flush() { if (form != "") print (forms++ ? "  or:  " : "Usage: ") form; form = "" }
    !usage && /^Usage:$/ { usage = 1; next }
    usage && /^  [^ ]/ { flush(); sub(/^ +/, ""); form = $0; next }
    usage && /^   +[^ ]/ { sub(/^ +/, ""); form = form " " $0; next }
    usage { flush(); usage = 0 }
    { print }
    END { flush() }'
