package api;

/** MMIO callbacks of an I/O region. */
@FunctionalInterface
public interface MemoryRegionOps {
  long read(long addr, int size);

  default void write(long addr, long value, int size) {}
}
