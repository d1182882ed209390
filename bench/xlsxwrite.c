/* The bar for writing a workbook in `make bench`: libxlsxwriter alone (constant memory, as aop uses it
 * for large workbooks) writing the cells of a workbook aop wrote, loaded beforehand from a dump that
 * bench/run.py makes of it (one cell a line: sheet, row, column, `n` number or `s` text, value; sheets
 * and rows in order). Prints the seconds the writing took, loading aside. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

typedef struct { int sheet, row, col; char kind; double number; char *text; } cell;

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: xlsxwrite DUMP OUT.xlsx\n"); return 2; }
  FILE *in = fopen(argv[1], "r");
  if (!in) return 2;
  size_t n = 0, cap = 1 << 16;
  cell *cells = malloc(cap * sizeof *cells);
  char *line = NULL;
  size_t len = 0;
  int sheets = 0;
  while (getline(&line, &len, in) > 0) {
    if (n == cap) cells = realloc(cells, (cap *= 2) * sizeof *cells);
    cell *c = &cells[n];
    char *fields[5];
    char *p = line;
    for (int i = 0; i < 5; i++) { fields[i] = p; p = i < 4 ? strchr(p, '\t') : NULL; if (i < 4) { if (!p) return 3; *p++ = 0; } }
    fields[4][strcspn(fields[4], "\n")] = 0;
    c->sheet = atoi(fields[0]); c->row = atoi(fields[1]); c->col = atoi(fields[2]); c->kind = fields[3][0];
    if (c->kind == 'n') c->number = strtod(fields[4], NULL);
    else { c->text = strdup(fields[4]); for (char *q = c->text; *q; q++) if (*q == '\x01') *q = '\n'; }
    if (c->sheet + 1 > sheets) sheets = c->sheet + 1;
    n++;
  }
  fclose(in);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
  lxw_workbook *book = workbook_new_opt(argv[2], &options);
  lxw_format *money = workbook_add_format(book);
  format_set_num_format(money, "#,##0");
  lxw_worksheet **ws = calloc(sheets, sizeof *ws);
  for (int s = 0; s < sheets; s++) { char name[16]; snprintf(name, sizeof name, "S%d", s + 1); ws[s] = workbook_add_worksheet(book, name); }
  for (size_t i = 0; i < n; i++) {
    cell *c = &cells[i];
    if (c->kind == 'n') worksheet_write_number(ws[c->sheet], c->row, c->col, c->number, money);
    else worksheet_write_string(ws[c->sheet], c->row, c->col, c->text, NULL);
  }
  if (workbook_close(book) != LXW_NO_ERROR) return 4;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("%.3f\n", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
  return 0;
}
