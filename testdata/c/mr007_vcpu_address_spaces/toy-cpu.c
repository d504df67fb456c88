/*
 * Toy targets. The chained toy CPU hands unrealize on to the generic base, which destroys its
 * address spaces: nothing to report. The leaky one replaces unrealize and never destroys the
 * secure address space its realize made over memory the board owns; it is user-creatable, so it
 * can be hot-unplugged and the address space outlives it. The board-only CPU makes the same
 * address space but, like every CPU of the base, is never unplugged.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "toycpu.h"

#define TYPE_TOY_LEAKY_CPU "toy-leaky-cpu"
#define TYPE_TOY_BOARD_CPU "toy-board-cpu"

static void toy_cpu_realizefn(DeviceState *dev, Error **errp)
{
    CPUState *cs = CPU(dev);
    ToyCPUClass *tcc = TOY_CPU_GET_CLASS(dev);

    // OK: MR007 the generic unrealize the toy CPU chains to destroys every CPU address space
    cpu_address_space_init(cs, 0, "cpu-memory", cs->memory);
    tcc->parent_realize(dev, errp);
}

static void toy_cpu_unrealizefn(DeviceState *dev)
{
    ToyCPUClass *tcc = TOY_CPU_GET_CLASS(dev);

    tcc->parent_unrealize(dev);
}

static void toy_cpu_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ToyCPUClass *tcc = TOY_CPU_CLASS(klass);

    device_class_set_parent_realize(dc, toy_cpu_realizefn, &tcc->parent_realize);
    device_class_set_parent_unrealize(dc, toy_cpu_unrealizefn, &tcc->parent_unrealize);
    dc->user_creatable = true;
}

static void toy_leaky_cpu_realizefn(DeviceState *dev, Error **errp)
{
    CPUState *cs = CPU(dev);
    ToyCPU *cpu = TOY_CPU(dev);

    // BUG: MR007 not destroyed
    cpu_address_space_init(cs, 1, "cpu-secure-memory", cpu->secure_memory);
}

static void toy_leaky_cpu_unrealizefn(DeviceState *dev)
{
    CPUState *cs = CPU(dev);

    cs->as = NULL;
}

static void toy_leaky_cpu_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = toy_leaky_cpu_realizefn;
    dc->unrealize = toy_leaky_cpu_unrealizefn;
}

static void toy_board_cpu_realizefn(DeviceState *dev, Error **errp)
{
    CPUState *cs = CPU(dev);

    // OK: MR007 a CPU that is not user-creatable is never hot-unplugged
    cpu_address_space_init(cs, 0, "cpu-memory", cs->memory);
}

static void toy_board_cpu_unrealizefn(DeviceState *dev)
{
    CPUState *cs = CPU(dev);

    cs->as = NULL;
}

static void toy_board_cpu_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = toy_board_cpu_realizefn;
    dc->unrealize = toy_board_cpu_unrealizefn;
}

static const TypeInfo toy_cpu_types[] = {
    {
        .name = TYPE_TOY_CPU,
        .parent = TYPE_CPU,
        .instance_size = sizeof(ToyCPU),
        .class_size = sizeof(ToyCPUClass),
        .class_init = toy_cpu_class_init,
    }, {
        .name = TYPE_TOY_LEAKY_CPU,
        .parent = TYPE_TOY_CPU,
        .class_init = toy_leaky_cpu_class_init,
    }, {
        .name = TYPE_TOY_BOARD_CPU,
        .parent = TYPE_CPU,
        .instance_size = sizeof(ToyCPU),
        .class_init = toy_board_cpu_class_init,
    },
};

DEFINE_TYPES(toy_cpu_types)
