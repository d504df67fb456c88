// OK: MR001 ports reached as pci->ports + i are deleted from the BAR container in exit, so even under legacy semantics no same-owner subregion is left
#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"

typedef struct QuadUartPort {
    MemoryRegion io;
    uint8_t regs[8];
} QuadUartPort;

typedef struct QuadUartState {
    PCIDevice dev;
    MemoryRegion membar;
    QuadUartPort port[4];
    int nports;
} QuadUartState;

#define TYPE_QUAD_UART "quad-uart"

static const MemoryRegionOps quad_uart_ops;

static void quad_uart_exit(PCIDevice *dev)
{
    QuadUartState *q = DO_UPCAST(QuadUartState, dev, dev);
    QuadUartPort *p;
    int i;

    for (i = 0; i < q->nports; i++) {
        p = q->port + i;
        memory_region_del_subregion(&q->membar, &p->io);
    }
}

static void quad_uart_realize(PCIDevice *dev, Error **errp)
{
    QuadUartState *q = DO_UPCAST(QuadUartState, dev, dev);
    QuadUartPort *p;
    int i;

    memory_region_init(&q->membar, OBJECT(q), "quad-uart-bar", 4096);
    pci_register_bar(&q->dev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &q->membar);
    for (i = 0; i < 4; i++) {
        p = q->port + i;
        memory_region_init_io(&p->io, OBJECT(q), &quad_uart_ops, p, "quad-uart-port", 8);
        memory_region_add_subregion(&q->membar, 8 * i, &p->io);
        q->nports++;
    }
}

static void quad_uart_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(klass);

    pc->realize = quad_uart_realize;
    pc->exit = quad_uart_exit;
}

static const TypeInfo quad_uart_info = {
    .name = TYPE_QUAD_UART,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(QuadUartState),
    .class_init = quad_uart_class_init,
};

static void quad_uart_register_types(void)
{
    type_register_static(&quad_uart_info);
}

type_init(quad_uart_register_types)
