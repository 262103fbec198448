#!/usr/bin/env bash
# `cmake --install` into a temporary prefix: the command, litmine(1) and the
# bash completion land where they belong; the man page renders without
# warnings and names every command, every long option and every exit status;
# the completion completes commands and options.
. "$(dirname "$0")/lib.bash"
BUILD=$2
p=$T/prefix

cmake --install "$BUILD" --prefix "$p" >"$T/log" 2>&1 && ok || bad "cmake --install: $(tail -3 "$T/log")"
[ -x "$p/bin/litmine" ] && ok || bad "bin/litmine installed"
"$p/bin/litmine" --version | grep -q '^litmine ' && ok || bad "the installed litmine runs"
man1=$(find "$p" -path '*/man1/litmine.1' | head -1)
[ -n "$man1" ] && ok || bad "man1/litmine.1 installed"
comp=$p/share/bash-completion/completions/litmine
[ -f "$comp" ] && ok || bad "bash completion installed as share/bash-completion/completions/litmine"

# renders with no warnings (groff -ww), and mandoc's lint when it is there
[ -z "$(groff -man -ww -z "$man1" 2>&1)" ] && ok || bad "groff warnings: $(groff -man -ww -z "$man1" 2>&1 | head -3)"
if command -v mandoc >/dev/null; then
  [ -z "$(mandoc -T lint -W warning "$man1" 2>&1)" ] && ok || bad "mandoc lint: $(mandoc -T lint -W warning "$man1" 2>&1 | head -3)"
fi
MANWIDTH=100 man -l "$man1" >"$T/man.txt" 2>"$T/man.err" && [ ! -s "$T/man.err" ] && ok || bad "man -l: $(head -3 "$T/man.err")"

# every command of `litmine help`, every long option of every --help, every exit status
cmds=$("$LITMINE" help | awk '/^commands:/{on=1; next} on && NF==0{on=0} on{print $1}')
[ -n "$cmds" ] && ok || bad "litmine help lists commands"
for c in $cmds; do
  grep -q "^   $c\$\|^  *$c\$" "$T/man.txt" || grep -qw "litmine $c" "$T/man.txt" || { bad "man page lacks command $c"; continue; }
  for o in $("$LITMINE" "$c" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    grep -q -- "$o" "$T/man.txt" || bad "man page lacks $c $o"
  done
  ok
done
for code in 0 1 2 3 4 5 6 7; do
  sed -n '/^EXIT STATUS/,/^[A-Z]/p' "$T/man.txt" | grep -q "^ *$code\b" || bad "man page lacks exit status $code"
done
ok

# the completion: commands, then a command's options and --format values
out=$(bash -c '. "$1"; COMP_WORDS=(litmine ex); COMP_CWORD=1; _litmine; echo "${COMPREPLY[*]}"' _ "$comp")
[ "$out" = "extract export" ] && ok || bad "completes commands: '$out'"
out=$(bash -c '. "$1"; COMP_WORDS=(litmine export --format b); COMP_CWORD=3; _litmine; echo "${COMPREPLY[*]}"' _ "$comp")
[ "$out" = "bibtex" ] && ok || bad "completes --format values: '$out'"
out=$(bash -c '. "$1"; COMP_WORDS=(litmine search --d); COMP_CWORD=2; _litmine; echo "${COMPREPLY[*]}"' _ "$comp")
[ "$out" = "--design --db" ] && ok || bad "completes a command's options: '$out'"
finish
