#!/usr/bin/python3
"""Splits a TorchScript model into one file per top-level child module, for Graft's `torchscript`
backbone, whose layer groups are files run in order.

DJL's PyTorch bindings run a TorchScript module only as a whole, so Graft cannot cut one file
into layer groups itself; this script does it with PyTorch, once, where the model was exported:

    /usr/bin/python3 tools/split_torchscript.py resnet18.pt out/ --children conv1,bn1,relu,maxpool,layer1,layer2,layer3,layer4 \\
        --input-shape 1,3,224,224

Each chosen child (default: all, in definition order) is saved as out/<n>-<name>.pt. With
--input-shape the chain of files is run on a random input: when every child was chosen its output
must equal the model's own (the model's forward is then exactly its children in order, as for an
nn.Sequential; otherwise the script says so and exits with 1); otherwise it prints the shape of
what the chain produces. It ends by printing the backbone block for the descriptor.

Grouping: several consecutive children can form one group with --groups stem=conv1,bn1,relu,maxpool
(repeat --groups; children not named form a group each); a group is saved as one nn.Sequential.

Needs PyTorch (Debian: apt-get install python3-torch). Loading TorchScript runs code from the
file: split only models you trust.
"""
import argparse
import os
import sys

import torch


def parse_groups(specs, children):
    """[(group name, [child names])] in the children's order."""
    assigned = {}
    for spec in specs or []:
        name, _, members = spec.partition("=")
        for member in members.split(","):
            if member not in children:
                sys.exit("--groups %s: no child named %r (children: %s)" % (spec, member, ", ".join(children)))
            assigned[member] = name
    groups = []
    for child in children:
        group = assigned.get(child, child)
        if groups and groups[-1][0] == group:
            groups[-1][1].append(child)
        elif any(g == group for g, _ in groups):
            sys.exit("group %r is not made of consecutive children" % group)
        else:
            groups.append((group, [child]))
    return groups


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model")
    parser.add_argument("out")
    parser.add_argument("--children", help="comma-separated top-level children to keep, in order (default all)")
    parser.add_argument("--groups", action="append", help="NAME=child1,child2: consecutive children saved as one group")
    parser.add_argument("--input-shape", help="e.g. 1,3,224,224: run the chain on a random input and check it")
    args = parser.parse_args()

    model = torch.jit.load(args.model, map_location="cpu").eval()
    available = [name for name, _ in model.named_children()]
    children = args.children.split(",") if args.children else available
    for child in children:
        if child not in available:
            sys.exit("%s has no child %r (it has: %s)" % (args.model, child, ", ".join(available)))
    modules = dict(model.named_children())
    groups = parse_groups(args.groups, children)

    os.makedirs(args.out, exist_ok=True)
    paths = []
    for index, (group, members) in enumerate(groups):
        path = os.path.join(args.out, "%d-%s.pt" % (index + 1, group))
        if len(members) == 1:
            torch.jit.save(modules[members[0]], path)
        else:
            torch.jit.save(torch.jit.script(torch.nn.Sequential(*[modules[m] for m in members])), path)
        paths.append((group, path))

    if args.input_shape:
        torch.manual_seed(0)
        x = torch.rand(*[int(d) for d in args.input_shape.split(",")])
        with torch.no_grad():
            y = x
            for _, path in paths:
                y = torch.jit.load(path, map_location="cpu").eval()(y)
            if children == available:
                expected = model(x)
                difference = float((expected - y).abs().max())
                print("chain vs model: largest difference %.3g" % difference)
                if not torch.allclose(expected, y, rtol=1e-5, atol=1e-6):
                    sys.exit("the model's forward is not its children run in order; choose --children up to where it is")
            else:
                print("chain output shape %s" % (tuple(y.shape),))

    print("backbone:")
    print("  type: torchscript")
    print("  paths: [%s]" % ", ".join(p for _, p in paths))
    print("  groups: [%s]" % ", ".join(g for g, _ in paths))
    print("  trusted: true")


if __name__ == "__main__":
    main()
