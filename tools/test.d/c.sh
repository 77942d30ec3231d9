#!/usr/bin/env bash
# C/C++ side of the C ABI: the header compiles as C99 and C++17 with strict
# warnings, the assert-based C tests pass under ASan + UBSan, and the C and C++
# examples build and run. Fails on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v cc >/dev/null && command -v c++ >/dev/null || { echo "c.sh: need cc and c++" >&2; exit 1; }
cargo build --quiet --release --lib
lib=target/release/libidentitas.a
out=target/c-tests
mkdir -p "$out"

echo "-- header compiles as C99 and C++17 (-Wall -Wextra -Werror -pedantic)"
printf '#include "identitas.h"\nint main(void) { return (int)identitas_abi_version() == 0; }\n' > "$out/header_c.c"
cp "$out/header_c.c" "$out/header_cpp.cpp"
cc -std=c99 -Wall -Wextra -Werror -pedantic -Iinclude "$out/header_c.c" "$lib" -lpthread -ldl -lm -o "$out/header_c"
c++ -std=c++17 -Wall -Wextra -Werror -pedantic -Iinclude "$out/header_cpp.cpp" "$lib" -lpthread -ldl -lm -o "$out/header_cpp"
"$out/header_c"
"$out/header_cpp"

echo "-- C tests (ASan + UBSan)"
tests/c/run.sh

echo "-- examples/c"
cflags="-std=c99 -Wall -Wextra -Werror -pedantic -Iinclude"
cc $cflags examples/c/validate_nik.c "$lib" -lpthread -ldl -lm -o "$out/validate_nik"
cc $cflags examples/c/redact_file.c "$lib" -lpthread -ldl -lm -o "$out/redact_file"
got=$(printf '3171011708450001\n3171013508450001\n' | "$out/validate_nik" 2>/dev/null)
echo "$got"
echo "$got" | grep -q $'^1\tvalid\t317101\tGambir\tM\t1945-08-17$'
echo "$got" | grep -q $'^2\tinvalid\tinvalid_day$'
printf 'catatan tanpa nomor\n' > "$out/plain.txt"
"$out/redact_file" "$out/plain.txt" | cmp - "$out/plain.txt"

echo "-- examples/cpp (RAII wrapper)"
c++ -std=c++17 -Wall -Wextra -Werror -pedantic -Iinclude -Iexamples/cpp examples/cpp/main.cpp "$lib" \
    -lpthread -ldl -lm -o "$out/cpp_example"
"$out/cpp_example"
