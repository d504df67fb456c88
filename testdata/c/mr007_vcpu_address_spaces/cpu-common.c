/*
 * The generic vCPU base: its unrealize, which every target chains to, destroys the address
 * spaces the CPU made at realize. CPUs are not user-creatable here; a target that supports vCPU
 * hotplug makes its CPUs user-creatable again.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "toycpu.h"

static void cpu_common_realizefn(DeviceState *dev, Error **errp)
{
    CPUState *cpu = CPU(dev);

    cpu->as = NULL;
}

static void cpu_exec_unrealizefn(CPUState *cpu)
{
    cpu_destroy_address_spaces(cpu);
}

static void cpu_common_unrealizefn(DeviceState *dev)
{
    CPUState *cpu = CPU(dev);

    cpu_exec_unrealizefn(cpu);
}

static void cpu_common_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = cpu_common_realizefn;
    dc->unrealize = cpu_common_unrealizefn;
    dc->user_creatable = false;
}

static const TypeInfo cpu_type_info = {
    .name = TYPE_CPU,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(CPUState),
    .abstract = true,
    .class_size = sizeof(CPUClass),
    .class_init = cpu_common_class_init,
};

static void cpu_register_types(void)
{
    type_register_static(&cpu_type_info);
}

type_init(cpu_register_types)
