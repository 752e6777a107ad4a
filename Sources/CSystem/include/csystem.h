#ifndef SITEGEN_CSYSTEM_H
#define SITEGEN_CSYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. ENOSYS, EINVAL on filesystems
/// that cannot exchange).
int sitegen_exchange_paths(const char *a, const char *b);

/// Copies `length` bytes from `from` at `offset` to the current position of `to`: in the kernel
/// (copy_file_range) where the file systems allow, else by reading and writing. Returns the bytes
/// copied (fewer at the end of `from`), or -1 with errno set.
long long sitegen_copy_range(int from, long long offset, int to, long long length);

/// Asks the processor to start loading the cache line of `address` (no effect on the program's
/// meaning): for hash-table slots that will be read a few iterations later.
static inline void sitegen_prefetch(const void *address) { __builtin_prefetch(address); }

#endif
