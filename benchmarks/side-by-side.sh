# Sourced by benchmarks/ratio.sh and benchmarks/musicnn-ratio.sh: for each VALUE, ROUNDS alternating runs of the
# caller's `dl4j VALUE` and `torch VALUE` (each prints one time in seconds), as one Markdown row
# `| VALUE | dl4j times | torch times | ratio of the means |`.
#
#   side_by_side ROUNDS VALUE...
side_by_side() {
  local rounds=$1 v d t
  shift
  for v in "$@"; do
    d="" t=""
    for _ in $(seq "$rounds"); do
      d="$d $(dl4j "$v")"
      t="$t $(torch "$v")"
    done
    echo "$v|$d|$t" | awk -F'|' '{
      n = split($2, a, " "); m = split($3, b, " "); sa = 0; sb = 0
      for (i = 1; i <= n; i++) sa += a[i]
      for (i = 1; i <= m; i++) sb += b[i]
      printf "| %s | %s | %s | %.2fx |\n", $1, $2, $3, (sa / n) / (sb / m) }'
  done
}
