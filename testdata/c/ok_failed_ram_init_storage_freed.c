// OK: MR003 a failed memory_region_init_ram_from_fd() unparents the region itself; freeing its storage afterwards is correct
#include "qemu/osdep.h"
#include "system/memory.h"

void shmem_window_attach(int fd, uint64_t size, hwaddr gpa, Error **errp)
{
    MemoryRegion *sysmem = get_system_memory();
    MemoryRegion *win;
    g_autofree char *name = g_strdup_printf("shmem-win-%d", fd);

    win = g_new(MemoryRegion, 1);
    memory_region_init_ram_from_fd(win, NULL, name, size, RAM_SHARED, fd, 0, errp);
    if (*errp) {
        g_free(win);
        return;
    }
    memory_region_add_subregion(sysmem, gpa, win);
}

bool shmem_rom_attach(int fd, uint64_t size, Error **errp)
{
    MemoryRegion *rom = g_new(MemoryRegion, 1);

    if (!memory_region_init_rom(rom, NULL, "shmem-rom", size, errp)) {
        g_free(rom);
        return false;
    }
    memory_region_add_subregion(get_system_memory(), 0xfff00000, rom);
    return true;
}
