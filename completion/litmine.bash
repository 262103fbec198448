# bash completion for litmine(1): commands, each command's options, and the
# values of --format, --what, --design and --datetype.  Installed as
# share/bash-completion/completions/litmine.
_litmine()
{
    local cur prev cmd opts
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=${COMP_WORDS[1]}
    local common="--db --format --help --quiet --verbose -q -v"

    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "import fetch search show extract check export run help --version --help" -- "$cur"))
        return 0
    fi
    case $prev in
        --db|--config|--raw|--dir) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        --pmids) COMPREPLY=($(compgen -f -- "$cur") $(compgen -W "-" -- "$cur")); return 0 ;;
        --what) COMPREPLY=($(compgen -W "articles extractions studies" -- "$cur")); return 0 ;;
        --datetype) COMPREPLY=($(compgen -W "edat mdat" -- "$cur")); return 0 ;;
        --fail-on) COMPREPLY=($(compgen -W "controlled uncontrolled anecdotal contradicted not_found" -- "$cur")); return 0 ;;
        --design)
            COMPREPLY=($(compgen -W "meta_analysis systematic_review rct non_randomized_controlled case_control cohort open_label_single_arm case_series case_report animal in_vitro opinion other L1 L2 L3 L4 L5" -- "$cur"))
            return 0 ;;
        --format)
            case $cmd in
                search) opts="text json jsonl" ;;
                show|run|fetch) opts="text json" ;;
                extract) opts="jsonl csv" ;;
                check) opts="text json html" ;;
                export) opts="jsonl csv ris bibtex medline" ;;
                *) opts="text json" ;;
            esac
            COMPREPLY=($(compgen -W "$opts" -- "$cur")); return 0 ;;
        --query|--limit|--year|--type|--mesh|--since|--until|--batch|--email|--api-key|--base-url|--retries|--retry-delay|--retry-max|--timeout|--rate|--max-response)
            return 0 ;;
    esac
    case $cmd in
        import)  opts="--dir" ;;
        fetch)   opts="--query --pmids --pmc --since --until --datetype --incremental --batch --email --api-key --base-url --retries --retry-delay --retry-max --timeout --rate --max-response --raw" ;;
        search)  opts="--limit --design --year --type --mesh" ;;
        show)    opts="--pmids" ;;
        extract) opts="--all --pmids" ;;
        check)   opts="--fail-on" ;;
        export)  opts="--what --pmids --query" ;;
        run)     opts="--config --dry-run" ;;
        *)       return 0 ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts $common" -- "$cur"))
    elif [ "$cmd" = import ] || [ "$cmd" = check ]; then
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
    return 0
}
complete -F _litmine litmine
