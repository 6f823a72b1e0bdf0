/* The bound for curation throughput (issue #3): only walk bronze, read and gunzip every
   snapshot, the work no curation can avoid. Same files, same machine, same core as the curate
   run it is compared with. Build: cc -O2 -o gunzip-bound gunzip-bound.c -lz */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

static unsigned char in[1 << 20], out[1 << 22];
static long files = 0, raw = 0;
static z_stream zs;

static void gunzip(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return;
    ssize_t n = read(fd, in, sizeof in);
    close(fd);
    if (n <= 0) return;
    inflateReset(&zs);
    zs.next_in = in; zs.avail_in = (uInt)n;
    zs.next_out = out; zs.avail_out = sizeof out;
    if (inflate(&zs, Z_FINISH) == Z_STREAM_END) { files++; raw += (long)(sizeof out - zs.avail_out); }
}

static void walk(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    char path[4096];
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || e->d_name[0] == '_') continue;   /* metadata, temporaries, _failed */
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (e->d_type == DT_DIR) walk(path);
        else { size_t l = strlen(e->d_name); if (l > 8 && !strcmp(e->d_name + l - 8, ".json.gz")) gunzip(path); }
    }
    closedir(d);
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: gunzip-bound BRONZE_DIR\n"); return 2; }
    inflateInit2(&zs, 15 + 32);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    walk(argv[1]);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    printf("%ld %ld %.3f\n", files, raw, s);
    return 0;
}
