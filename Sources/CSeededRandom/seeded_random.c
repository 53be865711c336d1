// The standard library's random numbers, seeded, for chapter programs.
//
// Swift's `SystemRandomNumberGenerator` asks the kernel for bytes through the C library's
// `syscall(SYS_getrandom, ...)`. This file, linked into the engine's shared library that every
// chapter program loads before the C library, defines `syscall` itself: once a chapter program
// has called `swiftbook_seed_system_random` (its runtime does, before every cell, with the cell's
// seed), `getrandom` requests are answered from a SplitMix64 stream, so `Int.random(in:)` and
// `shuffled()` print the same on every run; every other system call, and every request before
// seeding, goes to the C library's own `syscall`. Written in C because the Swift runtime itself
// calls `syscall` (for futexes) and must not re-enter Swift code here.
#define _GNU_SOURCE
#include "CSeededRandom.h"

#include <dlfcn.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/syscall.h>

static uint64_t state;
static int seeded;

void swiftbook_seed_system_random(uint64_t seed) {
    state = seed;
    seeded = 1;
}

static uint64_t next(void) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

long syscall(long number, ...) {
    va_list list;
    va_start(list, number);
    long arguments[6];
    for (int index = 0; index < 6; index++) arguments[index] = va_arg(list, long);
    va_end(list);
#ifdef SYS_getrandom
    if (number == SYS_getrandom && seeded && arguments[0] != 0) {
        unsigned char *buffer = (unsigned char *)arguments[0];
        size_t count = (size_t)arguments[1];
        for (size_t index = 0; index < count; index++) buffer[index] = (unsigned char)(next() >> 56);
        return (long)count;
    }
#endif
    static long (*real)(long, ...);
    if (real == NULL) real = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
    return real(number, arguments[0], arguments[1], arguments[2], arguments[3], arguments[4], arguments[5]);
}
