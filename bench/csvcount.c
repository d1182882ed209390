/* The floor of `make bench`: libcsv alone parsing the same bytes, counting fields and records. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

static size_t fields, records;
static void on_field(void *s, size_t n, void *d) { (void)s; (void)n; (void)d; fields++; }
static void on_record(int c, void *d) { (void)c; (void)d; records++; }

int main(int argc, char **argv) {
  static char buffer[1 << 20];
  for (int i = 1; i < argc; i++) {
    struct csv_parser p;
    FILE *f = fopen(argv[i], "rb");
    if (!f || csv_init(&p, CSV_APPEND_NULL) != 0) return 2;
    /* Semicolon files are KiotViet's: choose the delimiter by the file name, as a user would. */
    for (const char *c = argv[i]; *c; c++) if (c[0] == 'D' && c[1] == 'a' && c[2] == 'n') { csv_set_delim(&p, ';'); break; }
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, f)) > 0) csv_parse(&p, buffer, n, on_field, on_record, NULL);
    csv_fini(&p, on_field, on_record, NULL);
    csv_free(&p);
    fclose(f);
  }
  printf("%zu records, %zu fields\n", records, fields);
  return 0;
}
