// A preloaded library that counts heap allocations (malloc, calloc, realloc, aligned forms)
// and their bytes, and prints the totals to standard error at exit. Benchmarks/profile.sh
// runs engine-bench under it with two step counts: the difference is the cost of the steps.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static atomic_long allocations, bytes;
static void *(*real_malloc)(size_t), *(*real_calloc)(size_t, size_t), *(*real_realloc)(void *, size_t);
static int (*real_posix_memalign)(void **, size_t, size_t);
static void *(*real_aligned_alloc)(size_t, size_t);

// dlsym itself may call calloc before real_calloc is known: serve it from a small static pool.
static char pool[4096];
static size_t pool_used;

static void count(size_t size) { atomic_fetch_add(&allocations, 1); atomic_fetch_add(&bytes, (long)size); }

void *malloc(size_t size) {
    if (!real_malloc) real_malloc = dlsym(RTLD_NEXT, "malloc");
    count(size);
    return real_malloc(size);
}

void *calloc(size_t n, size_t size) {
    if (!real_calloc) {
        if (pool_used + n * size > sizeof pool) return NULL;
        void *p = pool + pool_used;
        pool_used += (n * size + 15) & ~(size_t)15;
        real_calloc = dlsym(RTLD_NEXT, "calloc");
        return p;
    }
    count(n * size);
    return real_calloc(n, size);
}

void *realloc(void *old, size_t size) {
    if (!real_realloc) real_realloc = dlsym(RTLD_NEXT, "realloc");
    count(size);
    return real_realloc(old, size);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
    if (!real_posix_memalign) real_posix_memalign = dlsym(RTLD_NEXT, "posix_memalign");
    count(size);
    return real_posix_memalign(out, alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    if (!real_aligned_alloc) real_aligned_alloc = dlsym(RTLD_NEXT, "aligned_alloc");
    count(size);
    return real_aligned_alloc(alignment, size);
}

void free(void *p) {
    static void (*real_free)(void *);
    if ((char *)p >= pool && (char *)p < pool + sizeof pool) return;
    if (!real_free) real_free = dlsym(RTLD_NEXT, "free");
    real_free(p);
}

__attribute__((destructor)) static void report(void) {
    fprintf(stderr, "allocations %ld bytes %ld\n", (long)allocations, (long)bytes);
}
