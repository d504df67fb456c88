// OK: MR001 sysbus device: never unrealized, same-owner doorbell stays in its container
/*
 * Sysbus NIC with QEMU_PACKED DMA descriptors, a G_GNUC_UNUSED debug
 * helper and g_autofree region names.  The exported
 * pkt_move_doorbell() (called by the SoC code, outside this tree) moves
 * the doorbell alias inside the register container but unparents the old
 * alias while it is still a subregion.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_PKT "pkt-nic"
OBJECT_DECLARE_SIMPLE_TYPE(PktState, PKT)

typedef struct PktDesc {
    uint64_t addr;
    uint16_t len;
    uint8_t flags;
    uint8_t status;
} QEMU_PACKED PktDesc;

struct PktState {
    SysBusDevice parent_obj;

    MemoryRegion mmio;
    MemoryRegion regs;
    MemoryRegion doorbell;
    hwaddr doorbell_offset;
    PktDesc ring[16];
};

static G_GNUC_UNUSED void pkt_dump_ring(PktState *s)
{
    int i;

    for (i = 0; i < ARRAY_SIZE(s->ring); i++) {
        qemu_log("pkt: desc %d addr 0x%" PRIx64 " len %u\n", i,
                 s->ring[i].addr, s->ring[i].len);
    }
}

static uint64_t pkt_regs_read(void *opaque, hwaddr addr, unsigned size)
{
    PktState *s = opaque;

    return s->ring[(addr >> 4) & 15].status;
}

static void pkt_regs_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
    PktState *s = opaque;

    s->ring[(addr >> 4) & 15].flags = val;
}

static const MemoryRegionOps pkt_regs_ops = {
    .read = pkt_regs_read,
    .write = pkt_regs_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

void pkt_move_doorbell(PktState *s, hwaddr offset)
{
    g_autofree char *name = g_strdup_printf("pkt-doorbell@0x%" HWADDR_PRIx,
                                            offset);

    // BUG: MR002
    object_unparent(OBJECT(&s->doorbell));
    memory_region_init_alias(&s->doorbell, OBJECT(s), name, &s->regs, 0, 4);
    memory_region_add_subregion_overlap(&s->mmio, offset, &s->doorbell, 1);
    s->doorbell_offset = offset;
}

static void pkt_realize(DeviceState *dev, Error **errp)
{
    PktState *s = PKT(dev);
    g_autofree char *name = g_strdup_printf("pkt-doorbell@0x%" HWADDR_PRIx,
                                            s->doorbell_offset);

    memory_region_init(&s->mmio, OBJECT(s), "pkt-mmio", 0x2000);
    memory_region_init_io(&s->regs, OBJECT(s), &pkt_regs_ops, s, "pkt-regs",
                          0x100);
    memory_region_add_subregion(&s->mmio, 0, &s->regs);
    memory_region_init_alias(&s->doorbell, OBJECT(s), name, &s->regs, 0, 4);
    memory_region_add_subregion_overlap(&s->mmio, s->doorbell_offset,
                                        &s->doorbell, 1);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->mmio);
}

static void pkt_instance_init(Object *obj)
{
    PktState *s = PKT(obj);

    s->doorbell_offset = 0x1000;
}

static void pkt_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = pkt_realize;
}

static const TypeInfo pkt_types[] = {
    {
        .name          = TYPE_PKT,
        .parent        = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(PktState),
        .instance_init = pkt_instance_init,
        .class_init    = pkt_class_init,
    },
};

DEFINE_TYPES(pkt_types)
