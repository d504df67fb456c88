#include "qemu/osdep.h"
#include "hw/sysbus.h"
#include "system/address-spaces.h"

/* Everything is set up in instance_init, including what must wait for realize. */
typedef struct MailboxState {
    SysBusDevice parent_obj;
    MemoryRegion regs;
    MemoryRegion dma_root;
    AddressSpace dma_as;
} MailboxState;

OBJECT_DECLARE_SIMPLE_TYPE(MailboxState, MAILBOX)
#define TYPE_MAILBOX "mailbox-x"

static const MemoryRegionOps mailbox_ops;

static void mailbox_init(Object *obj)
{
    MailboxState *s = MAILBOX(obj);

    memory_region_init_io(&s->regs, obj, &mailbox_ops, s, "mailbox", 0x100);
    memory_region_init(&s->dma_root, obj, "mailbox-dma", UINT64_MAX);
    // BUG: MR008 s->dma_as
    // BUG: MR001 s->dma_as
    address_space_init(&s->dma_as, &s->dma_root, "mailbox-dma");
    // BUG: MR008 system_memory
    memory_region_add_subregion(get_system_memory(), 0x3f000000, &s->regs);
}

static const TypeInfo mailbox_info = {
    .name = TYPE_MAILBOX,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(MailboxState),
    .instance_init = mailbox_init,
};

static void mailbox_register_types(void)
{
    type_register_static(&mailbox_info);
}

type_init(mailbox_register_types)
